-- The pipeline catalogue is platform's now (table pipeline_catalog, migration V0_3): keep what was consumed.
INSERT INTO pipeline_catalog (pipeline_id, version, definition)
SELECT pipeline_id, version, definition FROM pipeline_versions
ON CONFLICT (pipeline_id, version) DO NOTHING;

DROP TABLE pipeline_versions;

-- Every pipeline version a consuming service has seen on dealflow.pipeline-events.v1 (see PipelineCatalog).
CREATE TABLE pipeline_catalog (
    pipeline_id VARCHAR(64) NOT NULL,
    version     INTEGER     NOT NULL,
    definition  JSONB       NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);

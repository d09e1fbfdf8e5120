-- Every version of every pipeline (R10), written in the same transaction as its PipelineDefined event.
CREATE TABLE pipeline_versions (
    pipeline_id VARCHAR(64) NOT NULL,
    version     INTEGER     NOT NULL,
    definition  JSONB       NOT NULL,
    defined_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);

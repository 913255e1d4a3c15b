-- Tracks which block ranges an extraction job has already written into a
-- table revision, so a restarted job can resume instead of starting over.

CREATE TABLE extraction_progress (
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    job_id            bigint      NOT NULL,
    table_revision_id bigint      NOT NULL,
    block_range       int8range   NOT NULL,
    block_count       bigint      GENERATED ALWAYS AS (upper(block_range) - lower(block_range)) STORED,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_extraction_progress PRIMARY KEY (id),
    CONSTRAINT fk_extraction_progress_job_id FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE,
    CONSTRAINT fk_extraction_progress_table_revision_id FOREIGN KEY (table_revision_id)
        REFERENCES table_revisions (id) ON DELETE CASCADE,
    CONSTRAINT ck_extraction_progress_block_range_bounded
        CHECK (NOT isempty(block_range)
               AND NOT lower_inf(block_range)
               AND NOT upper_inf(block_range)
               AND lower(block_range) >= 0)
);

CREATE INDEX ix_extraction_progress_job_id ON extraction_progress (job_id);
CREATE INDEX ix_extraction_progress_block_range
    ON extraction_progress USING gist (block_range);

COMMENT ON TABLE extraction_progress IS 'Block ranges already extracted, per job and target table revision.';
COMMENT ON COLUMN extraction_progress.block_range IS 'Half-open block range [start, end).';
COMMENT ON COLUMN extraction_progress.block_count IS 'Derived: number of blocks in block_range.';

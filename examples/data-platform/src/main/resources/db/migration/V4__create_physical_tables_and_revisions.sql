-- Creates physical tables (one per logical table of a dataset version) and
-- their revisions. Each rewrite of a table produces a new revision; exactly
-- one revision per physical table may be active at a time.

CREATE TABLE physical_tables (
    id                 bigint      GENERATED ALWAYS AS IDENTITY,
    dataset_version_id bigint      NOT NULL,
    table_name         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_physical_tables PRIMARY KEY (id),
    CONSTRAINT fk_physical_tables_dataset_version_id FOREIGN KEY (dataset_version_id)
        REFERENCES dataset_versions (id) ON DELETE CASCADE,
    CONSTRAINT uq_physical_tables_dataset_version_id_table_name
        UNIQUE (dataset_version_id, table_name)
);

CREATE TABLE table_revisions (
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    physical_table_id bigint      NOT NULL,
    revision_number   integer     NOT NULL,
    location          text        NOT NULL,
    active            boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_table_revisions PRIMARY KEY (id),
    CONSTRAINT fk_table_revisions_physical_table_id FOREIGN KEY (physical_table_id)
        REFERENCES physical_tables (id) ON DELETE CASCADE,
    CONSTRAINT uq_table_revisions_physical_table_id_revision_number
        UNIQUE (physical_table_id, revision_number),
    CONSTRAINT ck_table_revisions_revision_number_positive CHECK (revision_number > 0)
);

-- At most one active revision per physical table.
CREATE UNIQUE INDEX ux_table_revisions_one_active_per_table
    ON table_revisions (physical_table_id)
    WHERE active;

COMMENT ON TABLE table_revisions IS 'Immutable snapshots of a physical table; readers use the active one.';
COMMENT ON COLUMN table_revisions.location IS 'Storage URI prefix of the revision, e.g. s3://bucket/ns/ds/v1/tbl/r3/.';

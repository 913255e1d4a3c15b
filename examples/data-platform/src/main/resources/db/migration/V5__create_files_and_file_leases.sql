-- Creates data files belonging to table revisions, plus leases that keep
-- files alive while a reader or writer uses them. The garbage collector only
-- deletes files that have no unexpired lease.

CREATE TABLE files (
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    table_revision_id bigint      NOT NULL,
    path              text        NOT NULL,
    size_bytes        bigint      NOT NULL,
    row_count         bigint,
    metadata          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_files PRIMARY KEY (id),
    CONSTRAINT fk_files_table_revision_id FOREIGN KEY (table_revision_id)
        REFERENCES table_revisions (id) ON DELETE CASCADE,
    CONSTRAINT uq_files_table_revision_id_path UNIQUE (table_revision_id, path),
    CONSTRAINT ck_files_size_bytes_non_negative CHECK (size_bytes >= 0),
    CONSTRAINT ck_files_row_count_non_negative CHECK (row_count IS NULL OR row_count >= 0)
);

CREATE TABLE file_leases (
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    file_id      bigint      NOT NULL,
    lease_holder text        NOT NULL,
    acquired_at  timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    CONSTRAINT pk_file_leases PRIMARY KEY (id),
    CONSTRAINT fk_file_leases_file_id FOREIGN KEY (file_id)
        REFERENCES files (id) ON DELETE CASCADE,
    CONSTRAINT ck_file_leases_expires_after_acquired CHECK (expires_at > acquired_at)
);

CREATE INDEX ix_file_leases_file_id_expires_at ON file_leases (file_id, expires_at);

COMMENT ON COLUMN files.path IS 'Object key relative to the revision location.';
COMMENT ON COLUMN files.row_count IS 'Number of rows, when known (NULL for formats without a footer).';
COMMENT ON TABLE file_leases IS 'A file with an unexpired lease must not be garbage collected.';

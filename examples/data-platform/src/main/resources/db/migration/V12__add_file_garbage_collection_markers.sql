-- Prepares files for the garbage collector: a file is first marked as
-- deletable (when its revision is superseded) and is physically removed only
-- after every lease on it has expired. Leases now also record which worker
-- holds them; the link is cleared if the worker row is deleted.

ALTER TABLE files ADD COLUMN marked_for_deletion_at timestamptz;

CREATE INDEX ix_files_marked_for_deletion_at
    ON files (marked_for_deletion_at)
    WHERE marked_for_deletion_at IS NOT NULL;

ALTER TABLE file_leases ADD COLUMN worker_id bigint;

ALTER TABLE file_leases ADD CONSTRAINT fk_file_leases_worker_id
    FOREIGN KEY (worker_id) REFERENCES workers (id) ON DELETE SET NULL;

CREATE INDEX ix_file_leases_worker_id ON file_leases (worker_id);
CREATE INDEX ix_file_leases_expires_at ON file_leases (expires_at);

COMMENT ON COLUMN files.marked_for_deletion_at IS 'When the GC marked the file as unreferenced; NULL while the file is live.';
COMMENT ON COLUMN file_leases.worker_id IS 'Worker holding the lease, if the holder is a worker; NULL otherwise.';

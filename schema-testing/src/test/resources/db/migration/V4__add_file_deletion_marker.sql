alter table files add column marked_for_deletion_at timestamptz;
create index ix_files_marked_for_deletion_at on files (marked_for_deletion_at) where marked_for_deletion_at is not null;

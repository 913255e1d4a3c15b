-- Renames workers.version to software_version (it was being confused with
-- dataset versions), adds free-form worker labels, and adds expression indexes
-- for the two most common lookups: case-insensitive hostname search and
-- filtering jobs by descriptor kind.

ALTER TABLE workers RENAME COLUMN version TO software_version;

ALTER TABLE workers ADD COLUMN labels jsonb NOT NULL DEFAULT '{}'::jsonb;

ALTER TABLE workers ADD CONSTRAINT ck_workers_labels_is_object
    CHECK (jsonb_typeof(labels) = 'object');

CREATE INDEX ix_workers_lower_hostname ON workers (lower(hostname));

CREATE INDEX ix_jobs_descriptor_kind ON jobs ((descriptor ->> 'kind'));

COMMENT ON COLUMN workers.software_version IS 'Build version of the worker binary, e.g. 3.2.1+build.45.';
COMMENT ON COLUMN workers.labels IS 'Scheduling labels, e.g. {"zone": "eu-west-1a", "gpu": "true"}.';

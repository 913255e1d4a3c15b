-- Adds the 'cancelled' job status so operators can stop a job without it
-- counting as a failure. The new value is only added here: PostgreSQL does not
-- allow a freshly added enum value to be used in the same transaction, so the
-- constraints, indexes and functions that refer to it are updated in V11.

ALTER TYPE job_status ADD VALUE 'cancelled' AFTER 'failed';

-- Treats 'cancelled' (added in V10) as a terminal job status everywhere:
-- idempotency keys of cancelled jobs may be reused, finished_at may be set and
-- is stamped automatically, and the reason for a cancellation is recorded.

ALTER TABLE jobs ADD COLUMN cancellation_reason text;

ALTER TABLE jobs ADD CONSTRAINT ck_jobs_cancellation_reason_only_when_cancelled
    CHECK (cancellation_reason IS NULL OR status = 'cancelled');

ALTER TABLE jobs DROP CONSTRAINT ck_jobs_finished_at_only_when_finished;
ALTER TABLE jobs ADD CONSTRAINT ck_jobs_finished_at_only_when_finished
    CHECK (finished_at IS NULL OR status IN ('succeeded', 'failed', 'cancelled'));

DROP INDEX ux_jobs_idempotency_key_unfinished;
CREATE UNIQUE INDEX ux_jobs_idempotency_key_unfinished
    ON jobs (idempotency_key)
    WHERE idempotency_key IS NOT NULL
      AND status NOT IN ('succeeded', 'failed', 'cancelled');

CREATE OR REPLACE FUNCTION set_job_lifecycle_timestamps() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status = 'running' AND NEW.started_at IS NULL THEN
        NEW.started_at := now();
    ELSIF NEW.status IN ('succeeded', 'failed', 'cancelled') AND NEW.finished_at IS NULL THEN
        NEW.finished_at := now();
    ELSIF NEW.status = 'scheduled' AND OLD.status = 'failed' THEN
        -- A retry: count it and clear the previous attempt's timestamps.
        NEW.retry_count := OLD.retry_count + 1;
        NEW.started_at  := NULL;
        NEW.finished_at := NULL;
    END IF;
    RETURN NEW;
END;
$$;

COMMENT ON COLUMN jobs.cancellation_reason IS 'Free text given by the operator; only set when status = ''cancelled''; e.g. ''superseded by job 42 -- duplicate request''.';

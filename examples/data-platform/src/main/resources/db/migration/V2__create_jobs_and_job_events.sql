-- Creates jobs (with a job_status enum) and their event log.
-- Jobs are scheduled by the coordinator and run by at most one worker; every
-- notable thing that happens to a job is recorded in job_events.

CREATE TYPE job_status AS ENUM ('scheduled', 'running', 'succeeded', 'failed');

CREATE TABLE jobs (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    status          job_status  NOT NULL DEFAULT 'scheduled',
    descriptor      jsonb       NOT NULL,
    retry_count     integer     NOT NULL DEFAULT 0,
    idempotency_key text,
    worker_id       bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    CONSTRAINT pk_jobs PRIMARY KEY (id),
    CONSTRAINT fk_jobs_worker_id FOREIGN KEY (worker_id)
        REFERENCES workers (id) ON DELETE SET NULL,
    CONSTRAINT ck_jobs_retry_count_non_negative CHECK (retry_count >= 0),
    CONSTRAINT ck_jobs_descriptor_is_object CHECK (jsonb_typeof(descriptor) = 'object'),
    CONSTRAINT ck_jobs_finished_after_started
        CHECK (finished_at IS NULL OR started_at IS NULL OR finished_at >= started_at),
    CONSTRAINT ck_jobs_finished_at_only_when_finished
        CHECK (finished_at IS NULL OR status IN ('succeeded', 'failed'))
);

-- An idempotency key may be reused once the previous job with that key has
-- reached a terminal state, so uniqueness only applies to unfinished jobs.
CREATE UNIQUE INDEX ux_jobs_idempotency_key_unfinished
    ON jobs (idempotency_key)
    WHERE idempotency_key IS NOT NULL AND status NOT IN ('succeeded', 'failed');

CREATE INDEX ix_jobs_status_created_at ON jobs (status, created_at);
CREATE INDEX ix_jobs_worker_id ON jobs (worker_id);

CREATE TABLE job_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    job_id      bigint      NOT NULL,
    event_type  text        NOT NULL,
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_job_events PRIMARY KEY (id),
    CONSTRAINT fk_job_events_job_id FOREIGN KEY (job_id)
        REFERENCES jobs (id) ON DELETE CASCADE,
    CONSTRAINT ck_job_events_event_type_not_blank CHECK (btrim(event_type) <> '')
);

CREATE INDEX ix_job_events_job_id_occurred_at ON job_events (job_id, occurred_at);

COMMENT ON TYPE job_status IS 'Lifecycle state of a job.';
COMMENT ON COLUMN jobs.descriptor IS 'What to run; a JSON object, e.g. {"kind": "extract"}; keys are validated by the scheduler -- not by the database.';
COMMENT ON COLUMN jobs.idempotency_key IS 'Client-supplied key; unique among unfinished jobs only.';
COMMENT ON COLUMN jobs.worker_id IS 'Worker currently (or last) running the job; NULL once that worker''s row is deleted.';
COMMENT ON TABLE job_events IS 'Append-only audit trail of job state changes and progress notes.';

-- Moves timestamp bookkeeping into the database: updated_at is maintained by
-- a trigger, job lifecycle timestamps are stamped on status changes, and every
-- job creation or status change is recorded in job_events automatically.

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

COMMENT ON FUNCTION set_updated_at() IS 'Trigger function: sets updated_at := now(); attach it BEFORE UPDATE -- never call it directly.';

CREATE TRIGGER trg_jobs_set_updated_at
    BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER trg_extraction_progress_set_updated_at
    BEFORE UPDATE ON extraction_progress
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE FUNCTION set_job_lifecycle_timestamps() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status = 'running' AND NEW.started_at IS NULL THEN
        NEW.started_at := now();
    ELSIF NEW.status IN ('succeeded', 'failed') AND NEW.finished_at IS NULL THEN
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

CREATE TRIGGER trg_jobs_set_lifecycle_timestamps
    BEFORE UPDATE OF status ON jobs
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION set_job_lifecycle_timestamps();

CREATE FUNCTION record_job_status_change() RETURNS trigger
LANGUAGE plpgsql
AS $function$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO job_events (job_id, event_type, payload)
        VALUES (NEW.id, 'created',
                jsonb_build_object('status', NEW.status, 'descriptor', NEW.descriptor));
    ELSIF OLD.status IS DISTINCT FROM NEW.status THEN
        -- Only real transitions are logged; no-op updates are ignored.
        INSERT INTO job_events (job_id, event_type, payload)
        VALUES (NEW.id, 'status_changed',
                jsonb_build_object('from', OLD.status,
                                   'to', NEW.status,
                                   'worker_id', NEW.worker_id,
                                   'retry_count', NEW.retry_count));
    END IF;
    RETURN NULL;
END;
$function$;

COMMENT ON FUNCTION record_job_status_change() IS 'Appends a job_events row on job insert and on every status transition.';

CREATE TRIGGER trg_jobs_record_status_change
    AFTER INSERT OR UPDATE OF status ON jobs
    FOR EACH ROW EXECUTE FUNCTION record_job_status_change();

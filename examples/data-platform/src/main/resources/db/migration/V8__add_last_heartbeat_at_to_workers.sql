-- Denormalises the latest heartbeat onto workers.last_heartbeat_at so the
-- dead-worker sweep no longer has to aggregate over worker_heartbeats.
-- Existing rows are backfilled from the heartbeat log (falling back to the
-- registration time) before the column is made NOT NULL.

ALTER TABLE workers ADD COLUMN last_heartbeat_at timestamptz;

UPDATE workers w
SET last_heartbeat_at = coalesce(
        (SELECT max(h.observed_at)
           FROM worker_heartbeats h
          WHERE h.worker_id = w.id),
        w.registered_at);

ALTER TABLE workers ALTER COLUMN last_heartbeat_at SET DEFAULT now();
ALTER TABLE workers ALTER COLUMN last_heartbeat_at SET NOT NULL;

CREATE INDEX ix_workers_last_heartbeat_at ON workers (last_heartbeat_at);

CREATE FUNCTION touch_worker_last_heartbeat() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE workers
       SET last_heartbeat_at = greatest(last_heartbeat_at, NEW.observed_at)
     WHERE id = NEW.worker_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER trg_worker_heartbeats_touch_worker
    AFTER INSERT ON worker_heartbeats
    FOR EACH ROW EXECUTE FUNCTION touch_worker_last_heartbeat();

COMMENT ON COLUMN workers.last_heartbeat_at IS 'Time of the most recent heartbeat; kept current by trg_worker_heartbeats_touch_worker.';

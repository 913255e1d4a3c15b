-- Reporting views over the job queue, for dashboards and on-call queries.
-- A repeatable migration: Strata runs this file again, after the versioned
-- migrations, whenever its content changes. Every statement must therefore be
-- safe to re-run (CREATE OR REPLACE). CREATE OR REPLACE VIEW can add columns at
-- the end but cannot drop or retype one: for that, drop the view in a
-- versioned migration first.

CREATE OR REPLACE VIEW job_status_counts AS
SELECT status,
       count(*)        AS jobs,
       min(created_at) AS oldest_created_at
FROM jobs
GROUP BY status;

CREATE OR REPLACE VIEW worker_load AS
SELECT w.id       AS worker_id,
       w.node_id,
       count(j.id) FILTER (WHERE j.status = 'running') AS running_jobs,
       w.last_heartbeat_at
FROM workers w
LEFT JOIN jobs j ON j.worker_id = w.id
GROUP BY w.id, w.node_id, w.last_heartbeat_at;

-- Creates the worker registry and the raw heartbeat log.
-- Workers register once per process start; heartbeats are appended every few
-- seconds so the scheduler can detect dead nodes and reassign their jobs.

CREATE TABLE workers (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    node_id       text        NOT NULL,
    hostname      text        NOT NULL,
    version       text        NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_workers PRIMARY KEY (id),
    CONSTRAINT uq_workers_node_id UNIQUE (node_id),
    CONSTRAINT ck_workers_node_id_not_blank CHECK (btrim(node_id) <> '')
);

CREATE TABLE worker_heartbeats (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    worker_id   bigint      NOT NULL,
    observed_at timestamptz NOT NULL DEFAULT now(),
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT pk_worker_heartbeats PRIMARY KEY (id),
    CONSTRAINT fk_worker_heartbeats_worker_id FOREIGN KEY (worker_id)
        REFERENCES workers (id) ON DELETE CASCADE
);

CREATE INDEX ix_worker_heartbeats_worker_id_observed_at
    ON worker_heartbeats (worker_id, observed_at DESC);

COMMENT ON TABLE workers IS 'One row per registered worker process (node).';
COMMENT ON COLUMN workers.node_id IS 'Stable node identifier chosen by the worker itself.';
COMMENT ON TABLE worker_heartbeats IS 'Append-only heartbeat log; rows are removed together with their worker.';

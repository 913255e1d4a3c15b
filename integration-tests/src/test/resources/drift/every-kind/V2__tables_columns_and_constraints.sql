create table jobs (
    id          bigint generated always as identity primary key,
    name        citext not null,
    title       text collate "C",
    code        short_code,
    state       job_state not null default 'pending',
    priority    integer not null default 0,
    attempts    positive_int,
    payload     jsonb not null default '{}',
    kind        text generated always as (payload ->> 'kind') stored,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz,
    constraint jobs_name_unique unique (name),
    constraint jobs_priority_check check (priority between 0 and 10)
);

create table billing.invoices (
    id       integer primary key default nextval('invoice_number_seq'),
    job_id   bigint references jobs (id) on delete cascade,
    room     integer not null,
    during   tstzrange not null,
    amount   money_pair,
    serial   bigserial,
    constraint invoices_no_overlap exclude using gist (room with =, during with &&)
);

create unlogged table job_cache (
    key    text primary key,
    value  bytea
) with (fillfactor = 70);

create table events (
    id  bigint not null,
    at  timestamptz not null
) partition by range (at);
create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');

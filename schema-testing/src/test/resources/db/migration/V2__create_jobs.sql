create table jobs (
    id        bigint generated always as identity primary key,
    worker_id bigint references workers (id),
    name      text not null,
    status    text not null default 'scheduled'
);

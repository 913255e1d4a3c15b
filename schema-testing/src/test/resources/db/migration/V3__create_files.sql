create table files (
    id     bigint generated always as identity primary key,
    job_id bigint not null references jobs (id) on delete cascade,
    path   text not null
);

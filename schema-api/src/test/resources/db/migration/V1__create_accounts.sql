-- Fixture of schema-api's own tests (the example system's schema lives in examples/data-platform).
create table accounts (
    id         bigint generated always as identity primary key,
    email      text not null unique,
    created_at timestamptz not null default now()
);

-- schema-testing's own fixture: a small application schema at the default location, classpath:db/migration.
create table workers (
    id               bigint generated always as identity primary key,
    node_id          text not null unique,
    hostname         text not null,
    software_version text not null
);
create index ix_workers_lower_hostname on workers (lower(hostname));

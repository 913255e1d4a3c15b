create table audit_log (id bigint generated always as identity primary key, entry text not null);

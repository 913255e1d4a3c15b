--liquibase formatted sql

--changeset strata-tests:1
create table audit_trail (id bigint generated always as identity primary key, note text not null);

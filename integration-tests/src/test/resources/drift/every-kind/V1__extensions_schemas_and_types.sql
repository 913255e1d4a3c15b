-- Every kind of object strata diff compares, so that a freshly migrated database shows no difference.
create extension if not exists citext;
create extension if not exists btree_gist;
create extension if not exists pgcrypto;          -- used by nothing: dropping it is a drift of its own
create schema billing;
create type job_state as enum ('pending', 'running', 'done');
create domain positive_int as integer not null default 1
    check (value > 0) constraint positive_int_small check (value < 1000000);
create domain short_code as text collate "C" check (length(value) <= 8);
create type money_pair as (amount numeric(12, 2), currency char(3));
create type float_range as range (subtype = float8);
create sequence invoice_number_seq as integer start 100 increment 5 cache 10;

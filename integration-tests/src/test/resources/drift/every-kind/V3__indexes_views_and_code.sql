create index jobs_pending_idx on jobs (created_at) where state = 'pending';
create index jobs_kind_idx on jobs ((payload ->> 'kind'), lower(name::text));
create index events_at_idx on events (at);

create view running_jobs with (security_barrier) as
    select id, name, priority from jobs where state = 'running';

create materialized view job_counts as
    select state, count(*) as jobs from jobs group by state;
create unique index job_counts_state on job_counts (state);

create function touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create function add_priority(base integer, extra integer default 1) returns integer
    language sql immutable
    return base + extra;

create procedure reset_jobs(keep job_state)
    language sql
as $$ delete from jobs where state <> keep $$;

create trigger jobs_touch before update on jobs
    for each row execute function touch_updated_at();

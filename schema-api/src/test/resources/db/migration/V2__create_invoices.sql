create table invoices (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references accounts (id),
    amount_cents bigint not null check (amount_cents >= 0)
);

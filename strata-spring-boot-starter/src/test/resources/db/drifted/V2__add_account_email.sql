alter table accounts add column email text;
create unique index ux_accounts_email on accounts (lower(email));

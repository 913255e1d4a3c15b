create type invoice_state as enum ('draft', 'sent', 'paid');
alter table invoices add column state invoice_state not null default 'draft';

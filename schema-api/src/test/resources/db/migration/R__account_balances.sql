create or replace view account_balances as
select a.id as account_id, coalesce(sum(i.amount_cents) filter (where i.state <> 'paid'), 0) as open_cents
from accounts a left join invoices i on i.account_id = a.id
group by a.id;

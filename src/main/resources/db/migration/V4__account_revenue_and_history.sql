-- What subscriptions report back to the account (for the account table's renewal filter and MRR
-- column), and the audit history of edits to accounts: one row per changed field.

alter table account add column mrr numeric(19, 4);
alter table account add column mrr_currency varchar(3);
alter table account add column mrr_reporting numeric(19, 4);
alter table account add column mrr_reporting_currency varchar(3);
alter table account add column renewal_date date;

create index account_renewal_date_ix on account (renewal_date);
create index account_mrr_reporting_ix on account (mrr_reporting);

create table account_change (
    id           uuid         not null primary key,
    account_id   uuid         not null references account (id) on delete cascade,
    change_set   uuid         not null,
    changed_at   timestamp with time zone not null,
    changed_by   uuid,
    kind         varchar(10)  not null,
    field        varchar(40),
    old_value    varchar(1000),
    new_value    varchar(1000)
);

create index account_change_account_ix on account_change (account_id, changed_at);

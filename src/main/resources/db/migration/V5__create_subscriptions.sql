-- Subscriptions (contracts) of an account, and the history of every change to them. The history keeps
-- a full copy of the terms after each change with the date it took effect, because MRR movements
-- (new, expansion, contraction, churn, reactivation) are computed from it later. Amounts are exact
-- decimals with four places, never floating point.

create table subscription (
    id                   uuid          not null primary key,
    account_id           uuid          not null references account (id) on delete cascade,
    external_id          varchar(64),
    product              varchar(100)  not null,
    plan                 varchar(100),
    quantity             integer       not null,
    unit_price           numeric(19, 4) not null,
    currency             varchar(3)    not null,
    billing_period       varchar(12)   not null,
    term_months          integer       not null,
    discount_percent     numeric(5, 2) not null,
    start_date           date          not null,
    end_date             date,
    auto_renew           boolean       not null,
    status               varchar(10)   not null,
    cancelled_on         date,
    cancellation_reason  varchar(500),
    mrr                  numeric(19, 4) not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              integer       not null
);

create unique index subscription_external_id_uq on subscription (external_id);
create index subscription_account_ix on subscription (account_id);
create index subscription_status_end_ix on subscription (status, end_date);

-- No foreign key to subscription: when an admin deletes a subscription entered by mistake, its history
-- stays with a DELETED entry so that metrics can tell it never counted.
create table subscription_change (
    id                   uuid          not null primary key,
    subscription_id      uuid          not null,
    account_id           uuid          not null references account (id) on delete cascade,
    kind                 varchar(10)   not null,
    effective_date       date          not null,
    recorded_at          timestamp with time zone not null,
    recorded_by          uuid,
    changed_fields       varchar(300)  not null,
    external_id          varchar(64),
    product              varchar(100)  not null,
    plan                 varchar(100),
    quantity             integer       not null,
    unit_price           numeric(19, 4) not null,
    currency             varchar(3)    not null,
    billing_period       varchar(12)   not null,
    term_months          integer       not null,
    discount_percent     numeric(5, 2) not null,
    start_date           date          not null,
    end_date             date,
    auto_renew           boolean       not null,
    status               varchar(10)   not null,
    cancelled_on         date,
    cancellation_reason  varchar(500),
    mrr_before           numeric(19, 4) not null,
    mrr_after            numeric(19, 4) not null
);

create index subscription_change_subscription_ix on subscription_change (subscription_id, recorded_at);
create index subscription_change_account_ix on subscription_change (account_id, effective_date);
create index subscription_change_effective_ix on subscription_change (effective_date);

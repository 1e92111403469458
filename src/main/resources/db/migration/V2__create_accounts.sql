-- Customer companies (accounts) and their web domains. Owners point at people in app_user.

create table account (
    id                    uuid         not null primary key,
    name                  varchar(200) not null,
    industry              varchar(100),
    employee_count        integer,
    country               varchar(2),
    plan                  varchar(100),
    lifecycle_stage       varchar(20)  not null,
    owner_csm_id          uuid references app_user (id),
    account_executive_id  uuid references app_user (id),
    salesforce_id         varchar(64),
    hubspot_id            varchar(64),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               integer      not null
);

create unique index account_salesforce_id_uq on account (salesforce_id);
create unique index account_hubspot_id_uq on account (hubspot_id);
create index account_name_ix on account (name);
create index account_stage_ix on account (lifecycle_stage);
create index account_owner_csm_ix on account (owner_csm_id);
create index account_plan_ix on account (plan);
create index account_employee_count_ix on account (employee_count);
create index account_updated_at_ix on account (updated_at);

create table account_domain (
    domain      varchar(255) not null primary key,
    account_id  uuid         not null references account (id) on delete cascade
);

create index account_domain_account_ix on account_domain (account_id);

-- Deleting an account is rare, admin-only and recorded here with what it was.
create table account_deletion (
    account_id   uuid         not null primary key,
    name         varchar(200) not null,
    deleted_by   uuid         not null references app_user (id),
    deleted_at   timestamp with time zone not null
);

-- Custom fields an admin defines for accounts (text, number, date, choice), and their values: one row
-- per account and field, in the column of the field's type, so filters compare numbers as numbers
-- and dates as dates.

create table custom_field (
    id          uuid          not null primary key,
    field_key   varchar(40)   not null,
    label       varchar(100)  not null,
    label_ja    varchar(100),
    field_type  varchar(10)   not null,
    choices     varchar(4000),
    position    integer       not null,
    created_at  timestamp with time zone not null
);

create unique index custom_field_key_uq on custom_field (field_key);

create table account_custom_value (
    account_id    uuid           not null references account (id) on delete cascade,
    field_id      uuid           not null references custom_field (id) on delete cascade,
    text_value    varchar(1000),
    number_value  numeric(19, 4),
    date_value    date,
    primary key (account_id, field_id)
);

create index account_custom_text_ix on account_custom_value (field_id, text_value);
create index account_custom_number_ix on account_custom_value (field_id, number_value);
create index account_custom_date_ix on account_custom_value (field_id, date_value);

-- Saved views of the account table: a person's own named filter, sort and column choices.
create table saved_view (
    id          uuid          not null primary key,
    user_id     uuid          not null references app_user (id) on delete cascade,
    name        varchar(100)  not null,
    query       varchar(2000) not null,
    created_at  timestamp with time zone not null
);

create index saved_view_user_ix on saved_view (user_id, name);

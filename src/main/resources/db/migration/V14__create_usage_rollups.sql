-- Usage per account and day, kept up to date by the usage feed as events arrive, so that no screen or
-- score ever reads raw events: events by name, and events by user (whose count per day is the active
-- users; per 7 or 30 days, WAU and MAU). Days are the company's (kizuna.default-time-zone).
create table usage_daily (
    account_id   uuid          not null references account (id) on delete cascade,
    usage_day    date          not null,
    event        varchar(200)  not null,
    events       bigint        not null,
    primary key (account_id, usage_day, event)
);

create table usage_daily_user (
    account_id   uuid          not null references account (id) on delete cascade,
    usage_day    date          not null,
    user_key     varchar(250)  not null,
    events       bigint        not null,
    primary key (account_id, usage_day, user_key)
);

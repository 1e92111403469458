-- Usage of companies no account matches yet, kept per group until the group is mapped to an account;
-- then it moves into that account's daily rollups, so that no counted use is lost for being early.
create table usage_pending_daily (
    source_id    uuid          not null,
    group_id     varchar(200)  not null,
    usage_day    date          not null,
    event        varchar(200)  not null,
    events       bigint        not null,
    primary key (source_id, group_id, usage_day, event)
);

create table usage_pending_user (
    source_id    uuid          not null,
    group_id     varchar(200)  not null,
    usage_day    date          not null,
    user_key     varchar(250)  not null,
    events       bigint        not null,
    primary key (source_id, group_id, usage_day, user_key)
);

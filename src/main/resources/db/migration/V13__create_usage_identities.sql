-- Who the events are about. A group (Segment's "group" call) is a customer company in the customer's
-- product; it is matched to an account by Salesforce id, HubSpot id or domain, and stays unmatched (never
-- dropped) until it can be. Users belong to the group they were last grouped with.
create table usage_group (
    source_id    uuid          not null,
    group_id     varchar(200)  not null,
    account_id   uuid          references account (id) on delete set null,
    name         varchar(200),
    first_seen   timestamp with time zone not null,
    last_seen    timestamp with time zone not null,
    events       bigint        not null,
    primary key (source_id, group_id)
);

create index usage_group_account_ix on usage_group (account_id);

create table usage_user (
    source_id    uuid          not null,
    user_id      varchar(200)  not null,
    group_id     varchar(200),
    account_id   uuid          references account (id) on delete set null,
    email        varchar(320),
    name         varchar(200),
    first_seen   timestamp with time zone not null,
    last_seen    timestamp with time zone not null,
    events       bigint        not null,
    primary key (source_id, user_id)
);

create index usage_user_account_ix on usage_user (account_id);

-- How far the usage feed has read the event log: one row.
create table usage_feed_position (
    id           integer       not null primary key,
    log_file     varchar(200)  not null,
    log_offset   bigint        not null
);

insert into usage_feed_position (id, log_file, log_offset) values (1, '', 0);

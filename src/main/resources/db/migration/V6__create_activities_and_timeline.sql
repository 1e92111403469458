-- Activities logged on an account (notes, calls, meetings, check-ins, QBRs, e-mails), and the
-- timeline: one chronological feed per account of everything that happened to it, written by the
-- timeline module from the events of every other module.

create table activity (
    id            uuid          not null primary key,
    account_id    uuid          not null references account (id) on delete cascade,
    kind          varchar(12)   not null,
    occurred_at   timestamp with time zone not null,
    subject       varchar(200)  not null,
    participants  varchar(1000),
    outcome       varchar(4000),
    next_steps    varchar(2000),
    author_id     uuid,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       integer       not null
);

create index activity_account_ix on activity (account_id, occurred_at);
create index activity_occurred_ix on activity (occurred_at);

create table timeline_entry (
    id           uuid          not null primary key,
    account_id   uuid          not null references account (id) on delete cascade,
    occurred_at  timestamp with time zone not null,
    kind         varchar(20)   not null,
    action       varchar(20)   not null,
    title        varchar(200)  not null,
    detail       varchar(1000),
    amount_before numeric(19, 4),
    amount_after  numeric(19, 4),
    currency      varchar(3),
    actor_id     uuid,
    source_id    uuid
);

create index timeline_entry_account_ix on timeline_entry (account_id, occurred_at);
create index timeline_entry_source_ix on timeline_entry (source_id);

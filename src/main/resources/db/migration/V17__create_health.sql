-- Customer health. Scorecards (an admin's weighted measures and band thresholds, stored as JSON so that
-- a measure can be added without a migration), each account's current score with the words that explain
-- it, the daily history of scores and of every metric's value (what a backtest replays), CSM overrides
-- that end by themselves, and the CSM's sentiment, which is one of the measures.
create table health_scorecard (
    id           uuid          not null primary key,
    name         varchar(100)  not null,
    segment_key  varchar(60),
    priority     integer       not null,
    definition   varchar(8000) not null,
    updated_at   timestamp with time zone not null,
    updated_by   uuid,
    version      integer       not null
);

create unique index health_scorecard_name_ux on health_scorecard (name);

create table health_score (
    account_id   uuid          not null primary key references account (id) on delete cascade,
    scorecard_id uuid          not null,
    score        integer       not null,
    band         varchar(10)   not null,
    explanation  varchar(4000) not null,
    computed_at  timestamp with time zone not null
);

create index health_score_band_ix on health_score (band, score);

create table health_score_day (
    account_id   uuid          not null references account (id) on delete cascade,
    score_day    date          not null,
    score        integer       not null,
    band         varchar(10)   not null,
    metric_values varchar(1000) not null,
    primary key (account_id, score_day)
);

create index health_score_day_day_ix on health_score_day (score_day);

create table health_override (
    account_id   uuid          not null primary key references account (id) on delete cascade,
    score        integer       not null,
    reason       varchar(1000) not null,
    expires_at   timestamp with time zone not null,
    created_by   uuid,
    created_at   timestamp with time zone not null
);

create table health_sentiment (
    account_id   uuid          not null primary key references account (id) on delete cascade,
    sentiment    varchar(10)   not null,
    note         varchar(1000),
    set_by       uuid,
    set_at       timestamp with time zone not null
);

-- Segments: accounts grouped by rules, each with its coverage model (high-, low- or tech-touch). An account
-- belongs to the first segment by priority whose rules it meets.
create table health_segment (
    segment_key  varchar(60)   not null primary key,
    name         varchar(100)  not null,
    coverage     varchar(12)   not null,
    priority     integer       not null,
    rules        varchar(4000) not null,
    updated_at   timestamp with time zone not null,
    version      integer       not null
);

-- Rules that move an account's lifecycle stage on their own (e.g. onboarding ends after 3 key features).
create table lifecycle_rule (
    id           uuid          not null primary key,
    from_stage   varchar(12)   not null,
    to_stage     varchar(12)   not null,
    rules        varchar(4000) not null,
    position     integer       not null
);

-- What the account table shows, filters and sorts on, written by the health module as scores change
-- (the same way subscriptions write the account's MRR): score, band, change over 30 days, segment.
alter table account add column health_score integer;
alter table account add column health_band varchar(10);
alter table account add column health_trend integer;
alter table account add column segment_key varchar(60);

create index account_health_ix on account (health_score);
create index account_health_band_ix on account (health_band);
create index account_segment_ix on account (segment_key);

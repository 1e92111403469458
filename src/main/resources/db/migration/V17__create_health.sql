-- Customer health. Scorecards (an admin's weighted measures and band thresholds, stored as JSON so that
-- a measure can be added without a migration), the daily history of scores and of every metric's value,
-- band changes, CSM overrides that end by themselves, and the CSM's sentiment, one of the measures.
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

-- One row per account and day on which its score, band or any metric's value changed (a day without a
-- row has the score of the latest day before it, and the latest row is the current score): the score (null
-- when no measure had data), every metric's value (what a backtest replays under another scorecard) and
-- what each reading said (the arguments of "Active users 12 of 50 seats"). A recompute that changes
-- nothing writes nothing.
create table health_score_day (
    account_id    uuid          not null references account (id) on delete cascade,
    score_day     date          not null,
    scorecard_id  uuid,
    score         integer,
    band          varchar(10),
    metric_values varchar(1000) not null,
    readings      varchar(1000),
    computed_at   timestamp with time zone not null,
    primary key (account_id, score_day)
);

create index health_score_day_day_ix on health_score_day (score_day);

-- Band changes, for "moved to at risk this week" without reading the whole history.
create table health_band_change (
    account_id   uuid          not null references account (id) on delete cascade,
    changed_at   timestamp with time zone not null,
    from_band    varchar(10)   not null,
    to_band      varchar(10)   not null,
    score_before integer       not null,
    score_after  integer       not null
);

create index health_band_change_ix on health_band_change (changed_at, to_band);

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

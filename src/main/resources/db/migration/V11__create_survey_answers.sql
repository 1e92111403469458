-- Answers to NPS (0-10) and CSAT (1-5) surveys, per account and (when known) the contact who answered.
-- Surveys are sent by later modules (tech-touch, support); answers also arrive by import and API, keyed
-- by an external id so that re-importing the same file changes nothing.
create table survey_answer (
    id              uuid         not null primary key,
    account_id      uuid         not null references account (id) on delete cascade,
    contact_email   varchar(320),
    kind            varchar(8)   not null,
    score           integer      not null,
    comment         varchar(2000),
    answered_at     timestamp with time zone not null,
    external_id     varchar(64),
    created_at      timestamp with time zone not null,
    constraint survey_answer_score_ck check ((kind = 'NPS' and score between 0 and 10)
        or (kind = 'CSAT' and score between 1 and 5))
);

create unique index survey_answer_external_id_uq on survey_answer (external_id);
create index survey_answer_account_ix on survey_answer (account_id, answered_at);
create index survey_answer_answered_ix on survey_answer (answered_at);

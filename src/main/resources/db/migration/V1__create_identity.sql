-- People who sign in to Kizuna, their roles, API tokens and pending invitations.
-- Plain SQL that runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table app_user (
    id              uuid         not null primary key,
    username        varchar(64)  not null,
    display_name    varchar(200) not null,
    email           varchar(320),
    password_hash   varchar(200),
    active          boolean      not null,
    language        varchar(16),
    time_zone       varchar(64),
    created_at      timestamp with time zone not null,
    last_login_at   timestamp with time zone,
    deactivated_at  timestamp with time zone
);

create unique index app_user_username_uq on app_user (username);
create index app_user_created_at_ix on app_user (created_at);

create table app_user_role (
    user_id uuid        not null references app_user (id),
    role    varchar(32) not null,
    primary key (user_id, role)
);

create index app_user_role_role_ix on app_user_role (role);

create table api_token (
    id            uuid        not null primary key,
    user_id       uuid        not null references app_user (id),
    name          varchar(100) not null,
    token_hash    varchar(64) not null,
    token_prefix  varchar(16) not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);

create unique index api_token_hash_uq on api_token (token_hash);
create index api_token_user_ix on api_token (user_id);

create table user_invitation (
    token_hash  varchar(64) not null primary key,
    user_id     uuid        not null references app_user (id),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    accepted_at timestamp with time zone
);

create index user_invitation_user_ix on user_invitation (user_id);

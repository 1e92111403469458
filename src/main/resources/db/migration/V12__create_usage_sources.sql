-- Sources of product usage events (a web app, a back end), each with its own write key. Only a hash of
-- the key is kept; the key itself is shown once, when it is made.
create table usage_source (
    id               uuid          not null primary key,
    name             varchar(100)  not null,
    kind             varchar(10)   not null,
    write_key_hash   varchar(64)   not null,
    write_key_hint   varchar(12)   not null,
    created_at       timestamp with time zone not null,
    created_by       uuid,
    rotated_at       timestamp with time zone,
    revoked_at       timestamp with time zone
);

create unique index usage_source_write_key_uq on usage_source (write_key_hash);

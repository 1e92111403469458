-- PostgreSQL only (Flyway reads db/vendor/{vendor} as well): trigram indexes so that the account
-- table's search "name or domain contains …" does not scan every account. H2, the embedded default
-- for small installations, keeps scanning. Common migrations continue at V11.

create extension if not exists pg_trgm;

create index account_name_trgm_ix on account using gin (lower(name) gin_trgm_ops);
create index account_domain_trgm_ix on account_domain using gin (domain gin_trgm_ops);

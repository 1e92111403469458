-- CSV imports: the uploaded file (decoded to text), the chosen column mapping, the outcome of the
-- check and of the run, the problems of rejected rows, and the mappings remembered per kind.

create table import_job (
    id             uuid          not null primary key,
    kind           varchar(30)   not null,
    file_name      varchar(255)  not null,
    charset        varchar(20)   not null,
    content        text          not null,
    row_count      integer       not null,
    mapping        varchar(4000),
    status         varchar(10)   not null,
    valid_rows     integer,
    rejected_rows  integer,
    created_count  integer,
    updated_count  integer,
    unchanged_count integer,
    failure        varchar(1000),
    created_by     uuid          not null,
    created_at     timestamp with time zone not null,
    finished_at    timestamp with time zone
);

create index import_job_created_ix on import_job (created_at);

create table import_problem (
    job_id       uuid          not null references import_job (id) on delete cascade,
    line         bigint        not null,
    message_key  varchar(100)  not null,
    arguments    varchar(1000)
);

create index import_problem_job_ix on import_problem (job_id, line);

create table import_mapping (
    kind        varchar(30)   not null,
    header_key  varchar(200)  not null,
    field       varchar(50)   not null,
    primary key (kind, header_key)
);

-- People at a customer company. A person belongs to one account; deleting the account removes them.

create table contact (
    id          uuid         not null primary key,
    account_id  uuid         not null references account (id) on delete cascade,
    name        varchar(200) not null,
    email       varchar(320),
    phone       varchar(50),
    title       varchar(200),
    role        varchar(20)  not null,
    language    varchar(16),
    created_at  timestamp with time zone not null
);

create index contact_account_ix on contact (account_id);
create unique index contact_email_uq on contact (email);

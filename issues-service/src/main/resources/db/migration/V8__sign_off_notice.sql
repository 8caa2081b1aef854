-- Sign-off with public notice (销号公示): after the office's on-site verification an item is published
-- for N working days in which anyone may object; it is struck from the ledger when the window has
-- passed with no objection pending or upheld. Objectors' contacts are encrypted (AES-GCM, the key is
-- the service's, never in the database) and never leave the office's view.
create table sign_off_notice (
    id             uuid         primary key,
    issue_id       uuid         not null references issue (id),
    round          int          not null,
    status         varchar(20)  not null,
    verified_on    date         not null,
    verified_by    varchar(100) not null,
    opinion        text         not null,
    measures       text[]       not null default '{}',
    starts_on      date         not null,
    ends_on        date         not null,
    working_days   int          not null,
    published_at   timestamptz  not null,
    closed_at      timestamptz,
    version        int          not null default 0,
    unique (issue_id, round)
);
create index sign_off_notice_due on sign_off_notice (status, ends_on);
-- At most one notice of an issue is open.
create unique index sign_off_notice_one_open on sign_off_notice (issue_id) where status = 'OPEN';

create table sign_off_objection (
    id             uuid         primary key,
    notice_id      uuid         not null references sign_off_notice (id),
    text           text         not null,
    contact_cipher text,
    contact_masked varchar(100),
    client_hash    varchar(64)  not null,
    status         varchar(20)  not null,
    reply          text,
    ruled_by       varchar(100),
    ruled_at       timestamptz,
    received_at    timestamptz  not null,
    version        int          not null default 0
);
create index sign_off_objection_notice on sign_off_objection (notice_id, received_at);
create index sign_off_objection_client on sign_off_objection (client_hash, received_at);

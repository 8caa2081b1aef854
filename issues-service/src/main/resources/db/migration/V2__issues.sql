-- The rectification ledger (整改台账).
create sequence issue_code_seq;

create table issue (
    id                    uuid         primary key,
    code                  varchar(40)  not null unique,
    external_id           varchar(100) unique,
    source                varchar(20)  not null,
    title                 varchar(300) not null,
    description           text,
    category              varchar(30)  not null,
    districts             text[]       not null default '{}',
    target                text,
    requirements          text,
    measures              text[]       not null default '{}',
    approach              varchar(20),
    track                 varchar(20),
    term                  varchar(10),
    deadline              date,
    deadline_rule         jsonb,
    responsible_officials jsonb        not null default '[]',
    lead_unit             varchar(40)  references unit (code),
    cooperating_units     text[]       not null default '{}',
    progress_percent      int          not null default 0 check (progress_percent between 0 and 100),
    status                varchar(30)  not null,
    assigned_on           date,
    behind_from           date,
    evidence              text,
    self_assessment       text,
    accepted_by           varchar(100),
    accepted_on           date,
    acceptance_opinion    text,
    rejection_count       int          not null default 0,
    signed_off_at         timestamptz,
    closing_reason        text,
    overdue_notified_for  date,
    search_grams          text[]       not null default '{}',
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               int          not null default 0
);

create index issue_status on issue (status);
create index issue_lead_unit on issue (lead_unit);
create index issue_category on issue (category);
create index issue_deadline on issue (deadline);
create index issue_created on issue (created_at, id);
create index issue_cooperating_units on issue using gin (cooperating_units);
create index issue_districts on issue using gin (districts);
-- Character bigrams of code, title and description: 2-character Chinese terms (扬尘) use this index.
create index issue_search_grams on issue using gin (search_grams);

-- Monthly dispatch (按月调度): one report per issue and period; a draft may be replaced.
create table progress_report (
    id                 uuid        primary key,
    issue_id           uuid        not null references issue (id),
    period             varchar(7)  not null,
    percent            int         not null check (percent between 0 and 100),
    narrative          text        not null,
    completed_measures text[]      not null default '{}',
    difficulties       text,
    next_steps         text,
    draft              boolean     not null default false,
    reported_by        varchar(100) not null,
    reported_unit      varchar(40),
    reported_at        timestamptz not null,
    version            int         not null default 0,
    unique (issue_id, period)
);

-- Deadline extensions (延期): requested by the lead unit, decided by the office.
create table deadline_extension (
    id                uuid         primary key,
    issue_id          uuid         not null references issue (id),
    proposed_deadline date         not null,
    previous_deadline date,
    reason            text         not null,
    status            varchar(20)  not null,
    requested_by      varchar(100) not null,
    requested_unit    varchar(40),
    requested_at      timestamptz  not null,
    decided_by        varchar(100),
    decided_at        timestamptz,
    decision_note     text,
    version           int          not null default 0
);
create index deadline_extension_issue on deadline_extension (issue_id, requested_at);
-- At most one open request per issue.
create unique index deadline_extension_one_open on deadline_extension (issue_id) where status = 'REQUESTED';

-- Append-only history of every change.
create table issue_history (
    id          bigserial    primary key,
    issue_id    uuid         not null references issue (id),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    actor_name  varchar(100),
    actor_unit  varchar(40),
    action      varchar(40)  not null,
    field       varchar(60),
    old_value   text,
    new_value   text,
    reason      text
);
create index issue_history_issue on issue_history (issue_id, id);

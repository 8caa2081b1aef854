-- Reconciliation with the provincial supervision system: the province's list of the petitions it
-- forwarded (its 受理编号 = our case number, its status and deadline) against ours, item by item; kept.
create table reconciliation (
    id          uuid          primary key,
    source      varchar(500)  not null,
    started_by  varchar(100)  not null,
    started_at  timestamptz   not null,
    matched     int           not null,
    different   int           not null,
    only_here   int           not null,
    only_there  int           not null,
    invalid     int           not null
);

create table reconciliation_item (
    id                bigserial    primary key,
    reconciliation_id uuid         not null references reconciliation (id),
    case_number       varchar(100) not null,
    row_number        int,
    petition_id       uuid,
    outcome           varchar(20)  not null,
    here_status       varchar(30),
    there_status      varchar(60),
    here_deadline     date,
    there_deadline    date,
    differences       text[]       not null default '{}',
    note              text
);
create index reconciliation_item_of on reconciliation_item (reconciliation_id, outcome, case_number);

-- Reconciliation with the provincial supervision system: the province's list of its issues (its id =
-- our externalId, its status and deadline) against the ledger, item by item; results are kept.
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
    external_id       varchar(100) not null,
    row_number        int,
    issue_id          uuid,
    issue_code        varchar(40),
    outcome           varchar(20)  not null,
    here_status       varchar(30),
    there_status      varchar(60),
    here_deadline     date,
    there_deadline    date,
    differences       text[]       not null default '{}',
    note              text
);
create index reconciliation_item_of on reconciliation_item (reconciliation_id, outcome, external_id);

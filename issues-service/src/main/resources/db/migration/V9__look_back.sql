-- Look-back (回头看) by random sample: the office draws signed-off issues with a recorded seed; the
-- population as it stood (in code order, with each issue's stratum) is kept so that anyone can re-draw
-- the sample and see it was not hand-picked. Each sampled issue gets a check by a unit other than its
-- lead unit.
create table look_back (
    id                uuid          primary key,
    title             varchar(200)  not null,
    seed              bigint        not null,
    requested_count   int,
    requested_percent numeric(5, 2),
    sample_size       int           not null,
    stratify_by       text[]        not null default '{}',
    population        uuid[]        not null,
    population_strata text[]        not null,
    population_sha256 varchar(64)   not null,
    sample            uuid[]        not null,
    checker_units     text[]        not null,
    due_date          date          not null,
    signed_off_from   date,
    signed_off_to     date,
    drawn_by          varchar(100)  not null,
    drawn_by_name     varchar(100),
    drawn_at          timestamptz   not null
);

create table look_back_check (
    id            uuid          primary key,
    look_back_id  uuid          not null references look_back (id),
    issue_id      uuid          not null references issue (id),
    checker_unit  varchar(40)   not null references unit (code),
    due_date      date          not null,
    status        varchar(30)   not null,
    findings      text,
    checked_on    date,
    checked_by    varchar(100),
    recorded_at   timestamptz,
    version       int           not null default 0,
    unique (look_back_id, issue_id)
);
create index look_back_check_issue on look_back_check (issue_id, status);
create index look_back_check_checker on look_back_check (checker_unit, status);

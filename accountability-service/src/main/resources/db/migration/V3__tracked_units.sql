-- The units directory as issues-service publishes it (unit.registered / unit.changed): the figures
-- take a unit's kind from here, not from code lists.
create table tracked_unit (
    code       varchar(40)  primary key,
    name       varchar(100) not null,
    kind       varchar(30)  not null,
    active     boolean      not null,
    updated_at timestamptz  not null
);

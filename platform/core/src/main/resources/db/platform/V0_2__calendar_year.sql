-- Holiday notices loaded through the API (the bundled CSV is the seed): one row per year, in every
-- service that counts working days, so a restart or another instance sees what was loaded.
create table calendar_year (
    year              int          primary key,
    holidays          date[]       not null,
    make_up_workdays  date[]       not null,
    source            varchar(500) not null,
    updated_at        timestamptz  not null
);

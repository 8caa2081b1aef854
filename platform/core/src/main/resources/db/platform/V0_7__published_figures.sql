-- The figures a service last published, per event type (ChangedFigures): compared under this row's lock,
-- so several instances publish changed figures once between them and a restart does not publish
-- unchanged ones again.
create table platform_published_figures (
    type         varchar(100) primary key,
    sha256       varchar(64)  not null,
    published_at timestamptz  not null
);

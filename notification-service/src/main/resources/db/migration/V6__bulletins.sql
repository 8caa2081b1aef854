-- The owners' latest published figures (issue/petition/accountability.stats-published), one row per
-- source; an older publication never replaces a newer one.
create table figures_snapshot (
    source      varchar(20)  primary key,
    as_of       timestamptz  not null,
    data        jsonb        not null,
    received_at timestamptz  not null
);

-- Bulletins (情况通报), drawn from the figures: a draft until the office publishes it, then numbered
-- (文号 per year, never reused) and immutable.
create table bulletin (
    id              uuid         primary key,
    period          varchar(7)   not null,
    kind            varchar(20)  not null,
    status          varchar(20)  not null,
    title           varchar(200) not null,
    content         jsonb        not null,
    number_year     integer,
    number          integer,
    document_number varchar(40),
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    published_at    timestamptz,
    published_by    varchar(100),
    unique (number_year, number),
    check ((status = 'PUBLISHED') = (number is not null))
);
-- The monthly bulletin of a period exists once, whatever the number of instances.
create unique index bulletin_monthly on bulletin (period) where kind = 'MONTHLY';
create index bulletin_created on bulletin (created_at desc);

-- A published bulletin is never changed or deleted.
create function bulletin_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception 'bulletin % is published and cannot be changed', old.id;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger bulletin_immutable before update or delete on bulletin
    for each row execute function bulletin_immutable();

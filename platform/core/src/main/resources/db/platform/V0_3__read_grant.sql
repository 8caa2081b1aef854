-- Object-level read access granted by another service's records (the discipline body reads the issues
-- and petitions named by an accountability case), and the audit of every read that relied on one.
create table read_grant (
    item_id uuid not null,
    grantor text not null,
    primary key (item_id, grantor)
);
create index read_grant_grantor on read_grant (grantor);

create table read_audit (
    id          bigserial primary key,
    at          timestamptz not null,
    actor       text not null,
    actor_name  text,
    actor_roles text not null,
    item_id     uuid not null,
    grantor     text,
    outcome     text not null
);
create index read_audit_item on read_audit (item_id, id desc);

-- Monthly snapshots of the ledger (按月调度): frozen content, a SHA-256 of it, and the hash of the
-- snapshot before, which the content includes, so a rewritten past breaks the chain. No update or
-- delete path exists; the trigger refuses them in the database too.
create table ledger_snapshot (
    period          varchar(7)  primary key,
    taken_at        timestamptz not null,
    taken_by        varchar(100) not null,
    issue_count     int         not null,
    content         text        not null,
    content_sha256  varchar(64) not null,
    previous_sha256 varchar(64)
);

create function ledger_snapshot_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'ledger snapshots are immutable';
end
$$;

create trigger ledger_snapshot_immutable before update or delete on ledger_snapshot
    for each row execute function ledger_snapshot_immutable();

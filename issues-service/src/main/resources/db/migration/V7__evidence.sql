-- Evidence dossiers (一案一档): every file attached to an issue's progress reports, acceptance requests,
-- supervision-order responses and look-back checks. The bytes live in the object store under their
-- SHA-256; this row is the record. A draft (not yet submitted with its record) may be replaced or
-- deleted; once submitted, a file is never deleted and its content never changes.
create table evidence_file (
    id            uuid          primary key,
    issue_id      uuid          not null references issue (id),
    record_kind   varchar(30),
    record_id     varchar(80),
    submitted_at  timestamptz,
    sha256        varchar(64)   not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    bigint        not null,
    media_type    varchar(150)  not null,
    original_name varchar(255)  not null,
    description   varchar(2000),
    uploaded_by   varchar(100)  not null,
    uploaded_unit varchar(40),
    uploaded_at   timestamptz   not null,
    version       int           not null default 0,
    constraint evidence_file_record check ((record_kind is null) = (record_id is null)),
    constraint evidence_file_submitted check (submitted_at is null or record_kind is not null)
);
create index evidence_file_issue on evidence_file (issue_id, uploaded_at);
create index evidence_file_record on evidence_file (record_kind, record_id);

create function evidence_file_keep() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.submitted_at is not null then
            raise exception 'evidence file % was submitted and cannot be deleted', old.id;
        end if;
        return old;
    end if;
    if old.submitted_at is not null and (new.submitted_at is distinct from old.submitted_at
            or new.sha256 <> old.sha256 or new.size_bytes <> old.size_bytes or new.issue_id <> old.issue_id
            or new.record_kind is distinct from old.record_kind or new.record_id is distinct from old.record_id
            or new.original_name <> old.original_name or new.media_type <> old.media_type) then
        raise exception 'evidence file % was submitted and cannot change', old.id;
    end if;
    return new;
end $$;

create trigger evidence_file_keep before update or delete on evidence_file
    for each row execute function evidence_file_keep();

-- Each application for acceptance is a round; its files are filed under the round.
alter table issue add column acceptance_round int not null default 0;

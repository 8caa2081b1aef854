-- Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field", as Stripe runs it): the first
-- response to a POST with a key is kept per caller for 24 hours and replayed to a retry with the same
-- key and body; the same key with another body is refused. Every service has this table.
create table platform_idempotency (
    caller       varchar(200) not null,
    idem_key     varchar(255) not null,
    fingerprint  varchar(64)  not null,
    state        varchar(12)  not null,
    status       int,
    content_type varchar(200),
    location     text,
    etag         varchar(200),
    body         bytea,
    created_at   timestamptz  not null,
    primary key (caller, idem_key)
);
create index platform_idempotency_created on platform_idempotency (created_at);

-- Platform tables, shared by every service through the platform library.
-- Platform migrations are numbered 0.x so that a service's own migrations (1, 2, ...) follow them;
-- services set flyway out-of-order so a later platform migration still applies.

-- Transactional outbox: written in the same transaction as the state change, sent by the relay.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    aggregate_id varchar(200) not null,
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    sent_at      timestamptz
);

create index outbox_event_pending on outbox_event (id) where sent_at is null;
create index outbox_event_pending_aggregate on outbox_event (aggregate_id, id) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Idempotent consumers: one row per consumed event and consumer.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200),
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

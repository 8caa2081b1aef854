-- Webhook subscriptions of the provincial system and others, and the delivery log.
create table webhook_subscription (
    id              uuid         primary key,
    target_url      varchar(2000) not null,
    kinds           text[]       not null default '{}',
    secret          varchar(200) not null,
    active          boolean      not null default true,
    disabled_reason text,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    version         integer      not null default 0
);

create table webhook_delivery (
    id               uuid         primary key,
    subscription_id  uuid         not null references webhook_subscription (id),
    dedup_key        varchar(300) not null,
    event_type       varchar(60)  not null,
    payload          text         not null,
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz  not null,
    delivered_at     timestamptz,
    unique (subscription_id, dedup_key)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at);

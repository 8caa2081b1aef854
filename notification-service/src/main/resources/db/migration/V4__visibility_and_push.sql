-- Notices: a stage (working days before the deadline for a reminder, days overdue for an
-- escalation), and the free-text detail (a reason) kept apart from the fixed body.
alter table notification add column stage integer;
alter table notification add column detail text;

-- Read marks are per person (the token's sub), not per recipient: one colleague reading a notice
-- does not mark it read for the whole unit. "Read all" moves a watermark.
create table notification_read (
    subject         varchar(200) not null,
    notification_id bigint       not null references notification (id),
    read_at         timestamptz  not null,
    primary key (subject, notification_id)
);
create table reader_watermark (
    subject    varchar(200) primary key,
    read_upto  bigint       not null,
    updated_at timestamptz  not null
);
alter table notification drop column read_at;

-- Webhook subscriptions belong to their creator's role and unit; a leader's needs the office's approval.
-- The signing secret is stored encrypted with the platform cipher (a legacy clear "whsec_" value is
-- still read, and encrypted when the subscription next changes).
alter table webhook_subscription add column owner_role varchar(20) not null default 'province';
alter table webhook_subscription add column owner_unit varchar(40);
alter table webhook_subscription add column approved boolean not null default true;

-- Deliveries in order per subscription and item; a claimed delivery holds a lease while it is sent
-- outside any transaction (an instance that dies mid-send leaves it to be taken again).
alter table webhook_delivery add column seq bigserial;
alter table webhook_delivery add column item_id uuid;
alter table webhook_delivery add column lease_until timestamptz;
drop index webhook_delivery_due;
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
create index webhook_delivery_item_order on webhook_delivery (subscription_id, item_id, seq) where status in ('PENDING', 'SENDING');

-- Every month a lead unit reported progress for an issue (the monthly dispatch list).
create table reported_period (
    item_id     uuid        not null,
    period      varchar(7)  not null,
    reported_at timestamptz not null,
    primary key (item_id, period)
);

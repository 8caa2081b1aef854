-- What the notification service knows of the items it watches, from the owners' events.
create table tracked_item (
    kind              varchar(20)  not null,
    id                uuid         not null,
    code              varchar(60)  not null,
    title             varchar(300),
    lead_unit         varchar(40),
    cooperating_units text[]       not null default '{}',
    deadline          date,
    status            varchar(30)  not null,
    closed            boolean      not null default false,
    overdue_since     date,
    updated_at        timestamptz  not null,
    primary key (id)
);
create index tracked_item_open_deadline on tracked_item (deadline) where not closed;

-- Notices per recipient (a unit code, or a role: office, discipline, leader). The id orders the
-- live stream; dedup_key makes each alert exactly once per item, kind, deadline and recipient.
create table notification (
    id         bigserial    primary key,
    recipient  varchar(40)  not null,
    kind       varchar(40)  not null,
    item_kind  varchar(20)  not null,
    item_id    uuid         not null,
    item_code  varchar(60)  not null,
    title      varchar(300) not null,
    body       text         not null,
    deadline   date,
    dedup_key  varchar(300) not null unique,
    created_at timestamptz  not null,
    read_at    timestamptz
);
create index notification_recipient on notification (recipient, id);
create index notification_unread on notification (recipient) where read_at is null;

-- Supervision orders (督办单): the office presses the lead unit of lagging issues for a response by a
-- due date; numbered per year (汉整改督〔2026〕12号), everything in the order's history.
create table supervision_order_counter (
    year int primary key,
    last int not null
);

create table supervision_order (
    id                   uuid         primary key,
    number               varchar(60)  not null unique,
    level                varchar(20)  not null,
    unit                 varchar(40)  not null references unit (code),
    issue_ids            uuid[]       not null,
    problem              text         not null,
    requirements         text         not null,
    due_date             date         not null,
    status               varchar(20)  not null,
    response             text,
    responded_at         timestamptz,
    return_count         int          not null default 0,
    closing_opinion      text,
    overdue_notified_for date,
    issued_by            varchar(100) not null,
    issued_at            timestamptz  not null,
    updated_at           timestamptz  not null,
    version              int          not null default 0
);
create index supervision_order_unit on supervision_order (unit, status);
create index supervision_order_issues on supervision_order using gin (issue_ids);
create index supervision_order_due on supervision_order (status, due_date);

create table supervision_order_history (
    id          bigserial    primary key,
    order_id    uuid         not null references supervision_order (id),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    actor_name  varchar(100),
    actor_unit  varchar(40),
    action      varchar(40)  not null,
    field       varchar(60),
    old_value   text,
    new_value   text,
    reason      text
);
create index supervision_order_history_order on supervision_order_history (order_id, id);

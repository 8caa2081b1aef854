-- Forwarded public petitions (群众信访举报) and their batches.
create table petition_batch (
    number                integer      primary key,
    received_on           date         not null,
    deadline_working_days integer      not null,
    note                  text,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               integer      not null default 0
);

create table petition (
    id                     uuid         primary key,
    case_number            varchar(40)  not null unique,
    batch_number           integer      not null references petition_batch (number),
    received_at            date         not null,
    channel                varchar(20)  not null,
    priority               boolean      not null default false,
    -- Reporter personal data: encrypted (AES-GCM, "keyId:base64"), plus masked copies for display.
    reporter_anonymous     boolean      not null default false,
    reporter_name_enc      text,
    reporter_phone_enc     text,
    reporter_id_number_enc text,
    reporter_address_enc   text,
    reporter_name_masked   varchar(40),
    reporter_phone_masked  varchar(40),
    content                text         not null,
    location               varchar(500),
    district               varchar(40)  not null,
    pollution_types        text[]       not null,
    lead_unit              varchar(40),
    cooperating_units      text[]       not null default '{}',
    deadline               date,
    deadline_rule          varchar(200),
    status                 varchar(30)  not null,
    finding                varchar(20),
    investigation          text,
    handling_narrative     text,
    rectification_orders   integer      not null default 0,
    penalty_cases          integer      not null default 0,
    fines_yuan             numeric(14, 2) not null default 0,
    criminal_cases         integer      not null default 0,
    detentions             integer      not null default 0,
    talks                  integer      not null default 0,
    persons_held_accountable integer    not null default 0,
    accountability_note    text,
    completion             varchar(20),
    public_reply           text,
    feedback               varchar(20),
    feedback_on            date,
    feedback_note          text,
    duplicate_of           uuid         references petition (id),
    reopen_count           integer      not null default 0,
    published              boolean      not null default false,
    published_at           timestamptz,
    published_content      text,
    published_investigation text,
    published_handling     text,
    published_accountability text,
    overdue_notified_for   date,
    search_grams           text[]       not null default '{}',
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                integer      not null default 0
);

create index petition_batch_number on petition (batch_number);
create index petition_status on petition (status);
create index petition_district on petition (district);
create index petition_lead_unit on petition (lead_unit);
create index petition_deadline on petition (deadline);
create index petition_received on petition (received_at, id);
create index petition_created on petition (created_at, id);
create index petition_pollution_types on petition using gin (pollution_types);
create index petition_cooperating_units on petition using gin (cooperating_units);
create index petition_search_grams on petition using gin (search_grams);
create index petition_published on petition (published) where published;

create table petition_history (
    id          bigserial    primary key,
    petition_id uuid         not null references petition (id),
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
create index petition_history_petition on petition_history (petition_id, id);

-- Every reveal of a reporter's personal data: who, when, why.
create table reporter_reveal (
    id          bigserial    primary key,
    petition_id uuid         not null references petition (id),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    actor_name  varchar(100),
    reason      text         not null
);
create index reporter_reveal_petition on reporter_reveal (petition_id, id);

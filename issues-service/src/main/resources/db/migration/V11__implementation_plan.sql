-- Unit implementation plans (整改实施方案): each county-district, management committee and city department
-- submits its plan by the programme's due date ("于9月底前报送市委、市政府，抄送市整改办，并在各县（区）政府网站
-- 向社会公布"); the office accepts or returns it; accepted plans are listed publicly. One row per programme
-- and unit, from REQUIRED on; every submission is kept.
create table implementation_plan (
    id               uuid          primary key,
    programme        varchar(200)  not null,
    unit             varchar(40)   not null references unit (code),
    due_date         date          not null,
    status           varchar(20)   not null,
    submissions      int           not null default 0,
    overdue_notified boolean       not null default false,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          int           not null default 0,
    unique (programme, unit)
);
create index implementation_plan_status on implementation_plan (status, due_date);

create table implementation_plan_submission (
    id               uuid          primary key,
    plan_id          uuid          not null references implementation_plan (id),
    seq              int           not null,
    title            varchar(300)  not null,
    document_number  varchar(100),
    public_url       varchar(500),
    file_sha256      varchar(64)   not null,
    file_name        varchar(255)  not null,
    file_media_type  varchar(150)  not null,
    file_size        bigint        not null,
    submitted_on     date          not null,
    submitted_by     varchar(100)  not null,
    submitted_at     timestamptz   not null,
    decision         varchar(20),
    decision_reason  text,
    decided_by       varchar(100),
    decided_at       timestamptz,
    unique (plan_id, seq)
);

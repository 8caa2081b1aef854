-- The accountability registry (责任追究).

-- Catalogue of legal bases: laws and regulations with the article and the situation (情形) it defines.
create table legal_basis (
    id         uuid         primary key,
    code       varchar(40)  not null unique,
    title      varchar(200) not null,
    article    varchar(100),
    situation  text         not null,
    kind       varchar(30)  not null,
    created_at timestamptz  not null default now()
);

insert into legal_basis (id, code, title, article, situation, kind) values
    ('6f1c6a4e-0000-4000-8000-000000000001', 'EPL-68', '中华人民共和国环境保护法', '第六十八条',
     '地方各级人民政府、县级以上人民政府环境保护主管部门和其他负有环境保护监督管理职责的部门有违法行为的，对直接负责的主管人员和其他直接责任人员给予处分', 'LAW'),
    ('6f1c6a4e-0000-4000-8000-000000000002', 'CPC-ACC-7', '中国共产党问责条例', '第七条',
     '党组织、党的领导干部违反党章和其他党内法规，不履行或者不正确履行职责，应当予以问责的情形', 'PARTY_REGULATION'),
    ('6f1c6a4e-0000-4000-8000-000000000003', 'ECO-DMG-5', '党政领导干部生态环境损害责任追究办法（试行）', '第五条',
     '地方党委和政府主要领导成员应当追究相应责任的情形', 'PARTY_REGULATION'),
    ('6f1c6a4e-0000-4000-8000-000000000004', 'ECO-DMG-8', '党政领导干部生态环境损害责任追究办法（试行）', '第八条',
     '党政领导干部利用职务影响，应当追究其责任的情形', 'PARTY_REGULATION'),
    ('6f1c6a4e-0000-4000-8000-000000000005', 'SN-ECO-DMG', '陕西省党政领导干部生态环境损害责任追究实施细则（试行）', null,
     '本省党政领导干部生态环境损害责任追究的情形、方式和程序', 'LOCAL_REGULATION');

-- What this service has learned about issues and petitions from their events.
create table tracked_issue (
    id              uuid        primary key,
    code            varchar(40) not null,
    title           varchar(300),
    lead_unit       varchar(40),
    deadline        date,
    status          varchar(30) not null,
    rejection_count integer     not null default 0,
    overdue_since   date,
    updated_at      timestamptz not null
);

create table tracked_petition (
    id                       uuid        primary key,
    case_number              varchar(40) not null,
    district                 varchar(40),
    lead_unit                varchar(40),
    status                   varchar(30) not null,
    persons_held_accountable integer     not null default 0,
    updated_at               timestamptz not null
);

create sequence case_code_seq;

create table accountability_case (
    id                uuid         primary key,
    code              varchar(40)  not null unique,
    source            varchar(40)  not null,
    related_issues    uuid[]       not null default '{}',
    related_petitions uuid[]       not null default '{}',
    summary           text         not null,
    allegations       text,
    legal_bases       uuid[]       not null default '{}',
    subjects          jsonb        not null default '[]',
    decisions         jsonb        not null default '[]',
    status            varchar(20)  not null,
    disclosable       boolean      not null default false,
    disclosure        text,
    closing_reason    text,
    -- One proposal per cause (e.g. OVERDUE:<issue>:<deadline>), whatever redeliveries or instances.
    trigger_key       varchar(200) unique,
    decided_on        date,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null default 0
);
create index accountability_case_status on accountability_case (status);
create index accountability_case_source on accountability_case (source);
create index accountability_case_created on accountability_case (created_at, id);

create table case_history (
    id         bigserial    primary key,
    case_id    uuid         not null references accountability_case (id),
    at         timestamptz  not null,
    actor      varchar(100) not null,
    actor_name varchar(100),
    actor_unit varchar(40),
    action     varchar(40)  not null,
    field      varchar(60),
    old_value  text,
    new_value  text,
    reason     text
);
create index case_history_case on case_history (case_id, id);

create table test_thing (
    id      bigserial    primary key,
    name    varchar(100) not null unique,
    version int          not null default 0
);

create table test_effect (
    id       bigserial primary key,
    event_id uuid      not null,
    subject  varchar(200)
);

-- Subjects the test handler refuses as a contract violation until a test unblocks them.
create table test_blocked (
    subject varchar(200) primary key
);

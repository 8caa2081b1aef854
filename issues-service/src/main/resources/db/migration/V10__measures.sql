-- Measure by measure, unit by unit (整改任务一项不漏、责任落实到岗到人): each measure of an issue has an owner
-- unit (the lead or a cooperating unit), a status and a done date; cooperating units report their own
-- share in the monthly dispatch beside the lead unit's report, which alone stands for the issue.
alter table progress_report add column unit varchar(40);
update progress_report r set unit = coalesce(r.reported_unit, (select i.lead_unit from issue i where i.id = r.issue_id));
alter table progress_report drop constraint progress_report_issue_id_period_key;
create unique index progress_report_one_per_unit on progress_report (issue_id, period, coalesce(unit, ''));

create table issue_measure (
    issue_id    uuid          not null references issue (id),
    seq         int           not null,
    text        varchar(2000) not null,
    owner_unit  varchar(40)   references unit (code),
    status      varchar(20)   not null,
    done_on     date,
    done_by     varchar(100),
    updated_at  timestamptz   not null,
    version     int           not null default 0,
    primary key (issue_id, seq)
);

-- Every attempt to reveal a reporter is audited, allowed or not: the outcome, the caller's roles and
-- the case number (kept with the record, so the audit reads without a join).
alter table reporter_reveal add column outcome varchar(20) not null default 'ALLOWED';
alter table reporter_reveal add column actor_roles varchar(200);
alter table reporter_reveal add column case_number varchar(40);
alter table reporter_reveal alter column petition_id drop not null;
alter table reporter_reveal add column requested_id uuid;
update reporter_reveal r set case_number = p.case_number, requested_id = r.petition_id
  from petition p where p.id = r.petition_id;

-- The working-day rule of a deadline as data, so that it can be recounted when a year's holiday
-- notice is loaded (the text stays for readers). Filled from the text for cases assigned before.
alter table petition add column deadline_working_days int;
alter table petition add column deadline_from date;
alter table petition add column deadline_provisional boolean not null default false;

update petition
   set deadline_working_days = cast(substring(deadline_rule from '^(\d+) working days from ') as int),
       deadline_from = cast(substring(deadline_rule from ' working days from (\d{4}-\d{2}-\d{2})') as date),
       deadline_provisional = deadline_rule like '%(provisional%'
 where deadline_rule ~ '^\d+ working days from \d{4}-\d{2}-\d{2}';

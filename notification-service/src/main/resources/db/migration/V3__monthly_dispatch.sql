-- Monthly dispatch (按月调度): the last period (YYYY-MM) each issue reported progress for, and
-- since when the item is known (an issue assigned this month owes no report for the last one).
alter table tracked_item add column last_report_period varchar(7);
alter table tracked_item add column first_seen date;

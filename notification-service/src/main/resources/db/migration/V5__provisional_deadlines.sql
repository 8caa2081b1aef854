-- Whether a deadline is still provisional (counted through a year whose holiday notice is not out yet).
alter table tracked_item add column deadline_provisional boolean not null default false;
alter table notification add column deadline_provisional boolean not null default false;

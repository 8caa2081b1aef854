-- The deadline an issue was first given (at registration or its first assignment): the on-time rate is
-- reported against it and against the approved (possibly extended) deadline. Backfilled from the history.
alter table issue add column original_deadline date;

update issue i set original_deadline = coalesce((
    select cast(h.new_value as date) from issue_history h
    where h.issue_id = i.id and h.field = 'deadline' and h.new_value ~ '^\d{4}-\d{2}-\d{2}$'
    order by h.id limit 1), i.deadline);

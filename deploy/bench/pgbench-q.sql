-- What issues-service runs for q=扬尘 (page one): the page, then the planner's estimate; a count only when the estimate is below 5 000.
select i.* from issue i where true and i.search_grams @> cast('{"扬尘"}' as text[]) order by i.created_at desc, i.id desc limit 21 offset 0;
explain (format json) select 1 from issue i where true and i.search_grams @> cast('{"扬尘"}' as text[]);

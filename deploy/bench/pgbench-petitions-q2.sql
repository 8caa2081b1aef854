-- What petitions-service runs for q=油烟 (page one): the page, then the planner's estimate; a count only when the estimate is below 5 000.
select p.* from petition p where true and p.search_grams @> cast('{"油烟"}' as text[]) order by p.received_at desc, p.id desc limit 21 offset 0;
explain (format json) select 1 from petition p where true and p.search_grams @> cast('{"油烟"}' as text[]);

-- What issues-service runs for q=扬尘 (page one), a term its statistics call common (~10 % of the issues): the page
-- looked for among the first 840 issues in the list's order (4 × 21 / 0.1, NativePages.window), then the estimates
-- of the filters and of the whole (no count: filters × share ≥ 5 000).
select i.* from (select i.* from issue i where true order by i.created_at desc, i.id desc limit 840) i where i.search_grams @> cast('{"扬尘"}' as text[]) order by i.created_at desc, i.id desc limit 21 offset 0;
explain (format json) select 1 from issue i where true;
explain (format json) select 1 from issue i where true and i.search_grams @> cast('{"扬尘"}' as text[]);

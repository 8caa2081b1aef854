-- What petitions-service runs for q=油烟 (page one), a term its statistics call common (~10 % of the cases): the page
-- looked for among the first 840 cases in the list's order (4 × 21 / 0.1, NativePages.window), then the estimates of
-- the filters and of the whole (no count: filters × share ≥ 5 000).
select p.* from (select p.* from petition p where true order by p.received_at desc, p.id desc limit 840) p where p.search_grams @> cast('{"油烟"}' as text[]) order by p.received_at desc, p.id desc limit 21 offset 0;
explain (format json) select 1 from petition p where true;
explain (format json) select 1 from petition p where true and p.search_grams @> cast('{"油烟"}' as text[]);

-- Synthetic ledger items for the search benchmarks (count in :count). Every tenth mentions 扬尘污染 (common terms),
-- every thousandth 检出镉超标 (rare terms). The grams are those of platform SearchGrams.of: bigrams and characters.
create or replace function pg_temp.grams(t text) returns text[] language sql immutable as $$
  select coalesce(array_agg(distinct g), '{}')
  from (select lower(substr(t, i, 2)) as g from generate_series(1, char_length(t) - 1) as i
        union all select lower(substr(t, i, 1)) from generate_series(1, char_length(t)) as i) s
  where g !~ '\s'
$$;

-- The search index (grams and filtered columns, issues V14) is built once after the load: far quicker than maintaining it row by row.
drop index if exists issue_search;

with words as (
  select array['汉台区','南郑区','城固县','洋县','西乡县','勉县','宁强县','略阳县','镇巴县','留坝县','佛坪县'] as places,
         array['HTQ','NZQ','CGX','YX','XXX','MX','NQX','LYX','ZBX','LBX','FPX'] as districts,
         array['砂石厂','建筑工地','污水处理厂','养殖场','尾矿库','加油站','餐饮店','河道','水源地','医院'] as objects,
         array['扬尘污染','超标排放','异味扰民','噪声扰民','非法采砂','污水直排','管网破损','危废堆放','油烟污染','生态破坏'] as problems,
         array['AIR','WATER','AIR','AIR','RIVER_SAND','WATER','WATER','SOLID_WASTE','AIR','ECOLOGY'] as categories,
         array['SSTHJJ','SZJJ','SCGJ','SSLJ','SNYNCJ','SWJW','SYJGLJ','SZRZYJ','SLYJ','SFGW'] as leads,
         array['REGISTERED','ASSIGNED','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','ACCEPTANCE_REQUESTED','SIGNED_OFF','SIGNED_OFF','SIGNED_OFF','CANCELLED'] as statuses
), rows as (
  select g,
         w.places[1 + g % 11] || w.objects[1 + (g / 11) % 10] || w.problems[1 + (g / 7) % 10] || '问题（第' || g || '号）' as title,
         w.districts[1 + g % 11] as district,
         w.categories[1 + (g / 7) % 10] as category,
         w.leads[1 + (g / 3) % 10] as lead,
         w.districts[1 + (g + 5) % 11] as coop,
         w.statuses[1 + (g / 13) % 10] as status,
         case when g % 1000 = 0 then '，检出镉超标' else '' end as rare
  from generate_series(1, :count) as g, words w
)
insert into issue (id, code, source, title, description, category, districts, measures, lead_unit, cooperating_units,
                   progress_percent, status, deadline, assigned_on, search_grams, responsible_officials,
                   created_at, updated_at, version)
select gen_random_uuid(), 'B-' || g, 'REPORT', title, '群众反映' || title || rare || '，要求限期整改。', category,
       array[district], array['排查', '整改'], lead, array[coop], (g * 7) % 101, status,
       current_date + ((g % 400) - 100), current_date - 30,
       pg_temp.grams('B-' || g || ' ' || title || ' 群众反映' || title || rare || '，要求限期整改。'), '[]',
       now() - make_interval(mins => g), now(), 0
from rows;

set maintenance_work_mem = '1GB';
create index issue_search on issue using gin (search_grams, lead_unit, status, category, districts);
-- As autovacuum leaves a table in steady state: statistics, and the visibility map that lets counts skip the heap.
vacuum (analyze) issue;

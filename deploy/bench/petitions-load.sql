-- Synthetic petitions for the search benchmark (count in :count), in one batch: every tenth mentions 油烟扰民
-- (common terms), every thousandth 检出镉超标 (rare terms). Grams as platform SearchGrams.of builds them.
create or replace function pg_temp.grams(t text) returns text[] language sql immutable as $$
  select coalesce(array_agg(distinct g), '{}')
  from (select lower(substr(t, i, 2)) as g from generate_series(1, char_length(t) - 1) as i
        union all select lower(substr(t, i, 1)) from generate_series(1, char_length(t)) as i) s
  where g !~ '\s'
$$;

insert into petition_batch (number, received_on, deadline_working_days, note, created_at, updated_at)
values (9001, current_date - 60, 15, 'benchmark', now(), now());

-- The search index (grams and filtered columns, petitions V6) is built once after the load: far quicker than maintaining it row by row.
drop index if exists petition_search;

with words as (
  select array['汉台区','南郑区','城固县','洋县','西乡县','勉县','宁强县','略阳县','镇巴县','留坝县','佛坪县'] as places,
         array['HTQ','NZQ','CGX','YX','XXX','MX','NQX','LYX','ZBX','LBX','FPX'] as districts,
         array['某小区','某砂石厂','某养殖场','某餐馆','某河段','某工地','某化工厂','某加油站','某学校旁','某村'] as objects,
         array['油烟扰民','污水直排','夜间施工噪声','非法采砂','粉尘污染','异味扰民','垃圾乱倒','废气超标','河道淤积','秸秆焚烧'] as problems,
         array['COOKING_FUMES','WATER','NOISE','ECOLOGY','DUST','AIR','SOLID_WASTE','AIR','WATER','AIR'] as types,
         array['SSTHJJ','SZJJ','SCGJ','SSLJ','SNYNCJ','SWJW','SYJGLJ','SZRZYJ','SLYJ','SFGW'] as leads,
         array['RECEIVED','ASSIGNED','INVESTIGATING','INVESTIGATING','CONCLUDED','CLOSED','CLOSED','CONFIRMED','CONFIRMED','CONFIRMED'] as statuses,
         array['PHONE','LETTER','ONLINE','VISIT','WECHAT'] as channels
), rows as (
  select g,
         '群众反映' || w.places[1 + g % 11] || w.objects[1 + (g / 11) % 10] || w.problems[1 + (g / 7) % 10]
             || case when g % 1000 = 0 then '，检出镉超标' else '' end || '，请求查处（第' || g || '件）。' as content,
         w.places[1 + g % 11] || '某街道' || (g % 97) || '号' as location,
         'X' || lpad(g::text, 7, '0') as case_number,
         w.districts[1 + g % 11] as district, w.types[1 + (g / 7) % 10] as type, w.leads[1 + (g / 3) % 10] as lead,
         w.statuses[1 + (g / 13) % 10] as status, w.channels[1 + g % 5] as channel
  from generate_series(1, :count) as g, words w
)
insert into petition (id, case_number, batch_number, received_at, channel, content, location, district, pollution_types,
                      lead_unit, deadline, status, search_grams, created_at, updated_at, version)
select gen_random_uuid(), case_number, 9001, current_date - (g % 700), channel, content, location, district, array[type],
       lead, current_date + ((g % 400) - 100), status, pg_temp.grams(case_number || ' ' || content || ' ' || location),
       now() - make_interval(mins => g), now(), 0
from rows;

set maintenance_work_mem = '1GB';
create index petition_search on petition using gin (search_grams, district, status, lead_unit);
-- As autovacuum leaves a table in steady state: statistics, and the visibility map that lets counts skip the heap.
vacuum (analyze) petition;

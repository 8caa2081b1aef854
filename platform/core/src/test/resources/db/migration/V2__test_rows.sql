-- 10 050 rows for the keyset pages and the bounded count: grp 'all' holds every row, grp 'few' 50 of them;
-- every seventh row has no label (nulls sort last ascending, first descending).
create table test_row (
    id    uuid primary key,
    n     int  not null,
    label text,
    grp   text[] not null
);
insert into test_row (id, n, label, grp)
select md5('row' || g)::uuid, g, case when g % 7 = 0 then null else 'L' || (g % 13) end,
       case when g <= 50 then array['all', 'few'] else array['all'] end
from generate_series(1, 10050) as g;
analyze test_row;

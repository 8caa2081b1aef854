\set n random(1, 100000)
select i.* from issue i where i.code = 'B-' || :n;

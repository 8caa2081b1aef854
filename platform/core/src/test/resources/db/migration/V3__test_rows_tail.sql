-- The last 3 000 rows in n order are also in grp 'tail': a term the statistics call common (30 % of the rows) that
-- the first rows in n order do not hold, for the walk of the list's order and its fall-back (NativePages).
update test_row set grp = grp || array['tail'] where n > 7050;
analyze test_row;

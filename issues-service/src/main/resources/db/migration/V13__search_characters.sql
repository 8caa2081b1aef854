-- The search grams keep each character too, so a one-character term (镉) is looked up in the index instead of
-- scanning the ledger (platform SearchGrams.of: bigrams and characters of code, title and description).
update issue i
set search_grams = array(
        select distinct g from unnest(i.search_grams || array(
            select lower(c) from regexp_split_to_table(
                coalesce(i.code, '') || ' ' || coalesce(i.title, '') || ' ' || coalesce(i.description, ''), '') as c
            where c !~ '\s')) as g);

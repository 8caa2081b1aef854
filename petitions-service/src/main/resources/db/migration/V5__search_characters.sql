-- The search grams keep each character too, so a one-character term (镉) is looked up in the index instead of
-- scanning every petition (platform SearchGrams.of: bigrams and characters of case number, content and location).
update petition p
set search_grams = array(
        select distinct g from unnest(p.search_grams || array(
            select lower(c) from regexp_split_to_table(
                coalesce(p.case_number, '') || ' ' || coalesce(p.content, '') || ' ' || coalesce(p.location, ''), '') as c
            where c !~ '\s')) as g);

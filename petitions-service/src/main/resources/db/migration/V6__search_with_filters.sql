-- A search term and the list's filters in one index (deploy/bench/search, 1 000 000 petitions): q=镉 with district
-- used to AND the term's bitmap with the district's 90 000-entry one; one GIN index over the grams and the filtered
-- columns skips through the district's entries by the term's few. btree_gin gives GIN the plain columns' equality;
-- it is a trusted extension of PostgreSQL's contrib, so the database owner may add it.
create extension if not exists btree_gin;
create index petition_search on petition using gin (search_grams, district, status, lead_unit);
drop index petition_search_grams;

-- The deadline order with its tie-breaker (sort=deadline gives "deadline, id"): a page walks the index and stops at
-- its last row instead of sorting every case of the first deadlines.
create index petition_deadline_id on petition (deadline, id);
drop index petition_deadline;

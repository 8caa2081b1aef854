-- Working a case before and after the decision: the article each cited legal basis is relied on
-- for, the facts of the trigger that proposed it, reviews (复核/申诉) of decisions; the officials the
-- ledger names on an issue (they become proposed subjects).
alter table accountability_case add column cited_articles jsonb not null default '{}';
alter table accountability_case add column trigger_facts jsonb not null default '{}';
alter table accountability_case add column reviews jsonb not null default '[]';
alter table tracked_issue add column responsible_officials jsonb not null default '[]';

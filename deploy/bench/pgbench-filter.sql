-- What issues-service runs for a filtered page of 20: the page, the estimate, and the count bounded at 1 001.
select i.* from issue i where true and i.status in ('IN_PROGRESS') and i.lead_unit = 'SSTHJJ' order by i.created_at desc, i.id desc limit 21 offset 0;
explain (format json) select 1 from issue i where true and i.status in ('IN_PROGRESS') and i.lead_unit = 'SSTHJJ';
select count(*) from (select 1 from issue i where true and i.status in ('IN_PROGRESS') and i.lead_unit = 'SSTHJJ' limit 1001) bounded;

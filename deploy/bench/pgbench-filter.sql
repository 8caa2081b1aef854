select count(*) from issue i where true and i.status in ('IN_PROGRESS') and i.lead_unit = 'SSTHJJ';
select i.* from issue i where true and i.status in ('IN_PROGRESS') and i.lead_unit = 'SSTHJJ' order by i.created_at desc, i.id asc limit 20 offset 0;

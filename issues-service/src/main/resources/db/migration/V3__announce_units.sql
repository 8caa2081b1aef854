-- The units directory is published as events (unit.registered / unit.changed, key = unit code) so
-- that other services take a unit's kind from it. Units created through the API publish their own;
-- this announces the ones that existed before, once, through the outbox like any other event.
with e as (select u.code, gen_random_uuid() as id from unit u)
insert into outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at)
select e.id, 'rectification.issues', u.code, 'unit.registered',
       json_build_object('specversion', '1.0', 'id', e.id, 'source', '/issues-service', 'type', 'unit.registered',
                         'subject', u.code,
                         'time', to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'),
                         'datacontenttype', 'application/json',
                         'data', json_build_object('code', u.code, 'name', u.name, 'kind', u.kind, 'active', u.active))::text,
       now()
from unit u join e on e.code = u.code;

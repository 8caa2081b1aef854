-- The W3C trace context of the change that wrote the event, sent as the record's traceparent header.
alter table outbox_event add column trace_parent varchar(55);

-- The trace (W3C trace id) of the change that caused the notice: from the HTTP request that changed an
-- issue, through the outbox row and the Kafka record, to this row.
alter table notification add column trace_id varchar(32);

-- A claim's work committed: set in the same transaction as the work, so it is known even when the
-- instance that held the claim stopped before it could keep its answer. A claim still IN_PROGRESS
-- after the lease (platform.idempotency.lease) was abandoned by its instance: retaken when nothing of
-- it committed, refused as orphaned when something did (a retry must never do the work twice).
alter table platform_idempotency add column committed boolean not null default false;

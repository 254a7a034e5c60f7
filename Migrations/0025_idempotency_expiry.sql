-- Idempotency keys expire after 24 hours (SubmissionService.idempotencyLifetime): lookups ignore
-- older records and each new record deletes a few expired ones, found through this index.
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);

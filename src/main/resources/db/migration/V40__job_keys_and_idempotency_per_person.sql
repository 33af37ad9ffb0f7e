-- Job ids are not unique over time: a recreated cluster or a new incarnation numbers its jobs
-- from 1 again. A job start is now keyed by cluster, tenant id, incarnation, job id AND the job's
-- start time (microseconds); the job-end key (job_end_key) carries the same five parts, so the
-- end of a new job with an old number is recorded, and the starter of an old job is never named
-- for a new one. Rows written before this have neither: they get incarnation 0 and the epoch,
-- which no real job has.
ALTER TABLE audit_job_start
    DROP PRIMARY KEY,
    ADD COLUMN incarnation BIGINT NOT NULL DEFAULT 0 AFTER tenant_id,
    ADD COLUMN job_start DATETIME(6) NOT NULL DEFAULT '1970-01-01 00:00:00' AFTER job_id,
    ADD PRIMARY KEY (cluster_name, tenant_id, incarnation, job_id, job_start, record_id);

-- Idempotency keys belong to the person who sent them: the same key from two people is two
-- actions, and neither learns of the other's record.
ALTER TABLE audit_record
    DROP INDEX uq_audit_record_idempotency,
    ADD CONSTRAINT uq_audit_record_idempotency_actor UNIQUE (actor_username, idempotency_key);

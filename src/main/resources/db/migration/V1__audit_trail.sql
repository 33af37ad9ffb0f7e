-- The console's audit trail. Plain types only, so the same DDL runs on MySQL 8, MariaDB and
-- OceanBase's MySQL mode: no JSON type, no generated columns, no CHECK, no triggers.

-- One row per attempted action (intent), per outcome, and per job that ended. Append-only:
-- the console's database user gets INSERT and SELECT here, never UPDATE or DELETE.
CREATE TABLE audit_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    recorded_at     DATETIME(6)  NOT NULL,
    actor_username  VARCHAR(255) NOT NULL,
    actor_subject   VARCHAR(255) NULL,
    actor_roles     VARCHAR(1024) NOT NULL,
    client_address  VARCHAR(128) NULL,
    action_name     VARCHAR(64)  NOT NULL,
    cluster_name    VARCHAR(128) NOT NULL,
    tenants         TEXT         NOT NULL,
    action_params   TEXT         NOT NULL,
    sql_statements  LONGTEXT     NULL,
    outcome         VARCHAR(32)  NOT NULL,
    ob_code         INT          NULL,
    ob_text         TEXT         NULL,
    job_ids         TEXT         NULL,
    intent_id       BIGINT       NULL,
    -- a submit's token; NULL for outcome and system records (NULLs never collide in a UNIQUE index)
    idempotency_key VARCHAR(191) NULL,
    -- cluster/tenant id/job id of a JOB_ENDED record: the database makes that record exactly-once
    job_end_key     VARCHAR(191) NULL,
    prev_hash       CHAR(64)     NOT NULL,
    record_hash     CHAR(64)     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_audit_record_idempotency UNIQUE (idempotency_key),
    CONSTRAINT uq_audit_record_job_end UNIQUE (job_end_key),
    INDEX ix_audit_record_time (recorded_at),
    INDEX ix_audit_record_cluster (cluster_name, id),
    INDEX ix_audit_record_actor (actor_username, id),
    INDEX ix_audit_record_intent (intent_id)
) DEFAULT CHARSET = utf8mb4;

-- The tenants of each record, one row each, so filters and scopes match names exactly.
CREATE TABLE audit_record_tenant (
    record_id BIGINT       NOT NULL,
    tenant_name VARCHAR(191) NOT NULL,
    PRIMARY KEY (record_id, tenant_name),
    INDEX ix_audit_record_tenant (tenant_name, record_id)
) DEFAULT CHARSET = utf8mb4;

-- Jobs an accepted action started: how a JOB_ENDED record finds the action behind a job.
CREATE TABLE audit_job_start (
    cluster_name VARCHAR(128) NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    job_id      BIGINT       NOT NULL,
    tenant_name VARCHAR(191) NOT NULL,
    record_id   BIGINT       NOT NULL,
    intent_id   BIGINT       NOT NULL,
    PRIMARY KEY (cluster_name, tenant_id, job_id, record_id),
    INDEX ix_audit_job_start_tenant (cluster_name, tenant_name, record_id)
) DEFAULT CHARSET = utf8mb4;

-- Column names avoid words that are keywords in one of the three databases (cluster, tenant,
-- action, hash, parameters).

-- The single chain-head row. Every append locks it (SELECT ... FOR UPDATE) in the transaction
-- that inserts the record, so appends from every console instance form one linear chain.
-- The only table the console may UPDATE.
CREATE TABLE audit_chain_head (
    id             INT      NOT NULL,
    last_record_id BIGINT   NOT NULL,
    last_hash      CHAR(64) NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET = utf8mb4;

INSERT INTO audit_chain_head (id, last_record_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Backup policies: a tenant's (or, with tenant_name '*', a whole cluster's) schedules, run by
-- clustered Quartz on behalf of the policy's owner. Plain types only (MySQL 8, MariaDB, OceanBase).

CREATE TABLE backup_policy (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    cluster_name         VARCHAR(128)  NOT NULL,
    -- a user tenant's name, or '*' for every user tenant of the cluster
    tenant_name          VARCHAR(191)  NOT NULL,
    -- Quartz cron expressions (seconds first), NULL when that kind is not scheduled
    full_cron            VARCHAR(120)  NULL,
    incremental_cron     VARCHAR(120)  NULL,
    time_zone            VARCHAR(64)   NOT NULL,
    concurrency          INT           NULL,
    plus_archivelog      BOOLEAN       NOT NULL,
    description_template VARCHAR(255)  NULL,
    -- the NAME of the secret holding the encryption password; never the password
    secret_name          VARCHAR(64)   NULL,
    paused               BOOLEAN       NOT NULL,
    owner_username       VARCHAR(255)  NOT NULL,
    owner_subject        VARCHAR(255)  NULL,
    -- the owner's realm roles and ob_scopes when they last saved the policy, comma-separated
    owner_roles          VARCHAR(1024) NOT NULL,
    owner_scopes         TEXT          NOT NULL,
    -- slots before this instant are not owed (creation, last change, resume)
    schedule_since       DATETIME(6)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_backup_policy_tenant UNIQUE (cluster_name, tenant_name)
) DEFAULT CHARSET = utf8mb4;

-- One row per scheduled slot of a policy: claimed by the instance that runs it (the unique key is
-- the second guard after Quartz's cluster lock), then its outcome. Kept when the policy is deleted.
CREATE TABLE backup_policy_run (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    policy_id    BIGINT       NOT NULL,
    backup_kind  VARCHAR(16)  NOT NULL,
    slot         DATETIME(6)  NOT NULL,
    cluster_name VARCHAR(128) NOT NULL,
    tenant_name  VARCHAR(191) NOT NULL,
    claimed_at   DATETIME(6)  NOT NULL,
    recorded_at  DATETIME(6)  NULL,
    -- STARTED, SKIPPED, MISSED, FAILED_TO_START; NULL while the start is under way
    outcome      VARCHAR(24)  NULL,
    reason       TEXT         NULL,
    audit_id     BIGINT       NULL,
    -- the jobs the run started, 'tenant:tenant id:job id' comma-separated
    job_refs     TEXT         NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_backup_policy_run_slot UNIQUE (policy_id, backup_kind, slot),
    INDEX ix_backup_policy_run_policy (policy_id, slot)
) DEFAULT CHARSET = utf8mb4;

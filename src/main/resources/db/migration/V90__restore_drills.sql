-- Restore drills (issue 22): a tenant's (or, with tenant_name '*', every tenant of a cluster's)
-- backups restored on a schedule into a scratch tenant, checked, measured and dropped.

CREATE TABLE drill_policy (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    cluster_name      VARCHAR(128)  NOT NULL,
    -- a user tenant's name, or '*' for every user tenant of the cluster
    tenant_name       VARCHAR(191)  NOT NULL,
    -- Quartz cron expression (seconds first), as a backup policy's
    schedule_cron     VARCHAR(120)  NOT NULL,
    time_zone         VARCHAR(64)   NOT NULL,
    -- where the scratch tenant is restored: a sys-mode cluster, and a free pool of it or NULL (create one)
    drill_cluster     VARCHAR(128)  NOT NULL,
    drill_pool        VARCHAR(128)  NULL,
    -- LATEST or RANDOM (a random point inside the recoverable window)
    point_choice      VARCHAR(16)   NOT NULL,
    -- the NAME of the secret holding the decryption password; never the password
    secret_name       VARCHAR(64)   NULL,
    concurrency       INT           NULL,
    time_limit_s      BIGINT        NOT NULL,
    paused            BOOLEAN       NOT NULL,
    owner_username    VARCHAR(255)  NOT NULL,
    owner_subject     VARCHAR(255)  NULL,
    owner_roles       VARCHAR(1024) NOT NULL,
    owner_scopes      TEXT          NOT NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_drill_policy_tenant UNIQUE (cluster_name, tenant_name)
) DEFAULT CHARSET = utf8mb4;

-- One row per tenant drilled in a slot: claimed by one instance (the unique key), then driven step
-- by step by whichever instance holds its lease (lease_owner, lease_until); a run whose lease ran
-- out is taken over. The scratch tenant is recorded before the RESTORE is sent, and is the only
-- tenant the console ever drops.
CREATE TABLE drill_run (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    policy_id            BIGINT        NOT NULL,
    slot                 DATETIME(6)   NOT NULL,
    cluster_name         VARCHAR(128)  NOT NULL,
    tenant_name          VARCHAR(191)  NOT NULL,
    drill_cluster        VARCHAR(128)  NOT NULL,
    -- PENDING, RESTORING, CLEANING, PROVEN, FAILED, SKIPPED
    state                VARCHAR(16)   NOT NULL,
    claimed_at           DATETIME(6)   NOT NULL,
    lease_owner          VARCHAR(255)  NULL,
    lease_until          DATETIME(6)   NULL,
    scratch_tenant       VARCHAR(128)  NULL,
    -- set once OceanBase showed the restore job (the tenant is the drill's own)
    scratch_created      BOOLEAN       NOT NULL DEFAULT FALSE,
    scratch_tenant_id    BIGINT        NULL,
    pool_name            VARCHAR(128)  NULL,
    unit_name            VARCHAR(128)  NULL,
    pool_created         BOOLEAN       NOT NULL DEFAULT FALSE,
    point_scn            BIGINT        NULL,
    restore_job_id       BIGINT        NULL,
    restore_audit_id     BIGINT        NULL,
    started_at           DATETIME(6)   NULL,
    -- cluster time, from CDB_OB_RESTORE_HISTORY (START_TIMESTAMP, FINISH_TIMESTAMP)
    restore_started_at   DATETIME(6)   NULL,
    restore_finished_at  DATETIME(6)   NULL,
    ended_at             DATETIME(6)   NULL,
    checks               TEXT          NULL,
    failure              TEXT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_drill_run_slot UNIQUE (policy_id, slot, tenant_name),
    INDEX ix_drill_run_state (state),
    INDEX ix_drill_run_tenant (cluster_name, tenant_name, ended_at)
) DEFAULT CHARSET = utf8mb4;

-- Recovery-point objectives, alert events, channels and deliveries. Plain types only (MySQL 8,
-- MariaDB, OceanBase MySQL mode), like V1. Times are UTC.

-- A tenant's own objective, set by an admin; absent = the cluster's default from configuration.
-- A NULL column keeps the default for that one figure.
CREATE TABLE alert_tenant_objective (
    cluster_name     VARCHAR(128) NOT NULL,
    tenant_name      VARCHAR(128) NOT NULL,
    max_backup_age_s BIGINT       NULL,
    max_full_age_s   BIGINT       NULL,
    max_archive_lag_s BIGINT      NULL,
    updated_by       VARCHAR(255) NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (cluster_name, tenant_name)
) DEFAULT CHARSET = utf8mb4;

-- What the console saw of a tenant's log archive, as intervals (for the recovery-point timeline:
-- where the archive was DOING the tenant could be restored to any moment; elsewhere a gap).
CREATE TABLE alert_archive_interval (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    cluster_name VARCHAR(128) NOT NULL,
    tenant_name  VARCHAR(128) NOT NULL,
    archive_status VARCHAR(32) NOT NULL,
    from_time    DATETIME(6)  NOT NULL,
    to_time      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_alert_archive_interval (cluster_name, tenant_name, to_time)
) DEFAULT CHARSET = utf8mb4;

-- A condition that holds for a while (objective at risk, cluster unreachable, job stalled,
-- audit chain broken). One row per condition, locked while it changes, so every console instance
-- agrees on whether it is open and whether it was notified: repeats are grouped, a recovery sent once.
CREATE TABLE alert_condition (
    condition_key   VARCHAR(191) NOT NULL,
    level_name      VARCHAR(32)  NOT NULL,
    open_since      DATETIME(6)  NULL,
    notified_level  VARCHAR(32)  NULL,
    last_notified_at DATETIME(6) NULL,
    flaps           INT          NOT NULL DEFAULT 0,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (condition_key)
) DEFAULT CHARSET = utf8mb4;

-- Every event to notify, stored before any delivery is tried (nothing is lost across a restart).
-- event_key makes an event exactly-once across instances (e.g. one JOB_FAILED per job).
CREATE TABLE alert_event (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    event_key    VARCHAR(191)  NOT NULL,
    kind         VARCHAR(48)   NOT NULL,
    cluster_name VARCHAR(128)  NULL,
    tenant_name  VARCHAR(128)  NULL,
    summary      VARCHAR(1024) NOT NULL,
    detail       TEXT          NULL,
    ob_code      INT           NULL,
    ob_text      TEXT          NULL,
    next_step    TEXT          NULL,
    link         VARCHAR(1024) NULL,
    since        DATETIME(6)   NULL,
    repeats      INT           NOT NULL DEFAULT 0,
    occurred_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_alert_event_key UNIQUE (event_key),
    INDEX ix_alert_event_time (occurred_at)
) DEFAULT CHARSET = utf8mb4;

-- Where events go. The HMAC key is configuration (console.alerts.keys.<name>); only its name is here.
CREATE TABLE alert_channel (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(128)  NOT NULL,
    format          VARCHAR(32)   NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    key_name        VARCHAR(128)  NULL,
    cluster_pattern VARCHAR(191)  NOT NULL,
    tenant_pattern  VARCHAR(191)  NOT NULL,
    kinds           VARCHAR(1024) NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    updated_by      VARCHAR(255)  NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_alert_channel_name UNIQUE (name)
) DEFAULT CHARSET = utf8mb4;

-- One row per (event, channel): the unique pair is what makes a notification once per channel
-- across instances; a worker claims a due row with a conditional UPDATE before it sends.
CREATE TABLE alert_delivery (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    event_id      BIGINT       NOT NULL,
    channel_id    BIGINT       NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6) NOT NULL,
    claimed_by    VARCHAR(128) NULL,
    claimed_until DATETIME(6)  NULL,
    last_status   INT          NULL,
    last_error    VARCHAR(1024) NULL,
    created_at    DATETIME(6)  NOT NULL,
    done_at       DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_alert_delivery UNIQUE (event_id, channel_id),
    INDEX ix_alert_delivery_due (state, next_attempt_at)
) DEFAULT CHARSET = utf8mb4;

-- The per-channel delivery log: every attempt with what the receiver answered.
CREATE TABLE alert_delivery_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    channel_id  BIGINT        NOT NULL,
    event_id    BIGINT        NULL,
    kind        VARCHAR(48)   NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    attempt     INT           NOT NULL,
    receiver_status INT       NULL,
    detail      VARCHAR(1024) NULL,
    instance_name VARCHAR(128) NOT NULL,
    logged_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_alert_delivery_log (channel_id, id)
) DEFAULT CHARSET = utf8mb4;

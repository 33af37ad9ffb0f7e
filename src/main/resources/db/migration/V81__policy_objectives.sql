-- A backup policy may set the recovery-point objective of the tenants it covers (each figure
-- optional; NULL: the cluster's default applies, 0: no objective for that figure). Seconds.
ALTER TABLE backup_policy
    ADD COLUMN max_backup_age_s  BIGINT NULL,
    ADD COLUMN max_full_age_s    BIGINT NULL,
    ADD COLUMN max_archive_lag_s BIGINT NULL;

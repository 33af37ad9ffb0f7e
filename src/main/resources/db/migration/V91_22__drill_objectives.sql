-- A tenant's own restore-time objective (the longest a proven drill's restore may take) and how
-- recently a drill must have proven it restorable. Seconds; NULL: the cluster's default applies,
-- 0: no objective for that figure.
ALTER TABLE alert_tenant_objective
    ADD COLUMN max_restore_time_s BIGINT NULL,
    ADD COLUMN proven_within_s    BIGINT NULL;

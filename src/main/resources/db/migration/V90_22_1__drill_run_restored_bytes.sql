-- What a drill's restore read (TOTAL_BYTES of its restore job): the tenant page charts restore
-- time against it. NULL for drills before this column and where the cluster's version shows none.
ALTER TABLE drill_run ADD COLUMN restored_bytes BIGINT NULL;

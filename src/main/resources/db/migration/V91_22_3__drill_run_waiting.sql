-- What a drill run that is not over waits for now (its drill cluster does not answer, a cleanup
-- OceanBase refused is tried again): said on its history row, cleared once it moves on again.
ALTER TABLE drill_run ADD COLUMN waiting_reason VARCHAR(1000) NULL;

-- Grants for the console's audit database user (MySQL 8 / MariaDB / OceanBase MySQL mode).
-- The console may add audit rows and read them, never change or remove them; only the
-- one-row chain head moves. Run as an administrator; replace the names and the password.
--
-- Flyway needs DDL rights once. Either migrate with a separate, stronger account
-- (recommended: quarkus.flyway.username/password for the migration only), or grant the DDL
-- rights for the first start and revoke them afterwards.

CREATE USER 'obconsole'@'%' IDENTIFIED BY 'change-me';

-- The trail itself: append and read only.
GRANT SELECT, INSERT ON obconsole.audit_record        TO 'obconsole'@'%';
GRANT SELECT, INSERT ON obconsole.audit_record_tenant TO 'obconsole'@'%';
GRANT SELECT, INSERT ON obconsole.audit_job_start     TO 'obconsole'@'%';

-- The chain head: every append locks (SELECT ... FOR UPDATE) and moves this single row.
-- No INSERT or DELETE: the row is created by the migration and must stay the only one.
GRANT SELECT, UPDATE ON obconsole.audit_chain_head    TO 'obconsole'@'%';

-- Backup policies (not part of the trail): the console creates, changes and deletes them, and
-- records each scheduled slot's run (claimed, then its outcome).
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.backup_policy     TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE ON obconsole.backup_policy_run         TO 'obconsole'@'%';

-- Quartz's clustered job store (the policies' schedules): Quartz reads, locks and rewrites these.
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_JOB_DETAILS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_TRIGGERS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_SIMPLE_TRIGGERS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_CRON_TRIGGERS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_SIMPROP_TRIGGERS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_BLOB_TRIGGERS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_CALENDARS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_PAUSED_TRIGGER_GRPS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_FIRED_TRIGGERS TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_SCHEDULER_STATE TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.QRTZ_LOCKS TO 'obconsole'@'%';

-- Objectives and alerts (not part of the trail): the console changes these rows as conditions
-- open and close, deliveries are claimed and sent, and admins edit channels and objectives.
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.alert_tenant_objective TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON obconsole.alert_channel          TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE         ON obconsole.alert_condition        TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE         ON obconsole.alert_delivery         TO 'obconsole'@'%';
GRANT SELECT, INSERT, UPDATE         ON obconsole.alert_archive_interval TO 'obconsole'@'%';
GRANT SELECT, INSERT                 ON obconsole.alert_event            TO 'obconsole'@'%';
GRANT SELECT, INSERT                 ON obconsole.alert_delivery_log     TO 'obconsole'@'%';

-- Flyway's history table, read at every start to check the schema is current.
GRANT SELECT ON obconsole.flyway_schema_history       TO 'obconsole'@'%';

-- What the console user must NOT have on the audit tables: UPDATE, DELETE, DROP, ALTER,
-- TRUNCATE (DROP privilege). Check with: SHOW GRANTS FOR 'obconsole'@'%';
--
-- An administrator with UPDATE rights could still rewrite a row; the hash chain makes that
-- visible (Audit page, "Verify chain", or GET /api/v1/audit/verify), naming the first
-- record whose link no longer holds. Rewriting every later hash and the head too would
-- hide it; ship the head's last_hash to a place the database admins cannot write (a log
-- collector, a ticket) if that threat matters.

package io.obconsole.cluster;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The only place that writes OceanBase SQL text. Knows the cluster's mode (CDB_ views and TENANT
 * clauses from sys, DBA_ views and DATABASE forms inside a tenant) and version ({@code all_user}
 * from 4.2.1, {@code all} before), and lets no tenant name, description or password into a
 * statement unchecked or unquoted.
 */
public final class ObDialect {

    /** Asked once per cluster, before the dialect for it exists. */
    public static final String VERSION_QUERY = "SELECT ob_version()";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final int MAX_DESCRIPTION = 256;
    private static final int MAX_PASSWORD = 128;

    private final String cluster;
    private final ClusterMode mode;
    private final ObVersion version;

    public ObDialect(String cluster, ClusterMode mode, ObVersion version) {
        this.cluster = cluster;
        this.mode = mode;
        this.version = version;
    }

    public ClusterMode mode() {
        return mode;
    }

    public ObVersion version() {
        return version;
    }

    // ---- identifiers and literals

    /**
     * The tenant name, if it is one the cluster just listed ({@code listed}: its user tenants).
     *
     * @throws InvalidIdentifierException if it could not be an OceanBase tenant name at all
     * @throws UnknownTenantException     if it is well-formed but not listed
     */
    public TenantName tenant(String raw, Collection<String> listed) {
        checkTenantName(raw);
        if (!listed.contains(raw)) {
            throw new UnknownTenantException(cluster, raw);
        }
        return new TenantName(raw);
    }

    /** Refuses text that could not be an OceanBase tenant name, before anyone asks the cluster. */
    public static void checkTenantName(String raw) {
        if (!isTenantName(raw)) {
            String rule = "a tenant name is a letter or '_' followed by up to 127 letters, digits or '_'";
            throw new InvalidIdentifierException("'" + shorten(raw) + "' is not a tenant name: " + rule,
                    "Not a tenant name: " + rule);
        }
    }

    /** Whether the text could be an OceanBase tenant name at all. */
    public static boolean isTenantName(String raw) {
        return raw != null && IDENTIFIER.matcher(raw).matches();
    }

    /** {@code text} as a MySQL string literal; a quote or backslash inside stays text. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                out.append("''");
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** Checks a backup description before it is quoted: bounded, and no control characters that would split a line. */
    public static void checkDescription(String description) {
        if (description == null) {
            return;
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidIdentifierException("A description may have at most " + MAX_DESCRIPTION + " characters");
        }
        if (description.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIdentifierException("A description may not contain control characters (line breaks, tabs, NUL)");
        }
    }

    private static String shorten(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > 64 ? raw.substring(0, 64) + "..." : raw;
    }

    private static String names(List<TenantName> tenants) {
        return tenants.stream().map(TenantName::value).collect(Collectors.joining(", "));
    }

    // ---- actions

    /**
     * {@code ALTER SYSTEM BACKUP [INCREMENTAL] DATABASE | TENANT = a, b [PLUS ARCHIVELOG] [DESCRIPTION = '...']}.
     *
     * @param tenants the tenants to back up; empty = every user tenant (sys) or this tenant (tenant mode)
     */
    public ObStatement backup(boolean incremental, List<TenantName> tenants, boolean plusArchivelog, String description) {
        if (incremental && plusArchivelog) {
            // the grammar has no PLUS ARCHIVELOG after INCREMENTAL: OceanBase would answer 1064
            throw new IllegalArgumentException("PLUS ARCHIVELOG exists only for a full backup");
        }
        checkDescription(description);
        StringBuilder sql = new StringBuilder("ALTER SYSTEM BACKUP ");
        if (incremental) {
            sql.append("INCREMENTAL ");
        }
        sql.append(target(tenants));
        if (plusArchivelog) {
            sql.append(" PLUS ARCHIVELOG");
        }
        if (description != null && !description.isEmpty()) {
            sql.append(" DESCRIPTION = ").append(literal(description));
        }
        return ObStatement.plain(sql.toString());
    }

    /** {@code ALTER SYSTEM CANCEL BACKUP [TENANT = a, b]}; empty = every user tenant (sys) or this tenant. */
    public ObStatement cancel(List<TenantName> tenants) {
        if (mode == ClusterMode.TENANT || tenants.isEmpty()) {
            return ObStatement.plain("ALTER SYSTEM CANCEL BACKUP");
        }
        return ObStatement.plain("ALTER SYSTEM CANCEL BACKUP TENANT = " + names(tenants));
    }

    /** The session's backup encryption password; the redacted form shows {@code ***}. */
    public ObStatement setEncryption(char[] password) {
        checkEncryptionPassword(password);
        return new ObStatement("SET ENCRYPTION ON IDENTIFIED BY " + literal(new String(password)) + " ONLY",
                "SET ENCRYPTION ON IDENTIFIED BY '***' ONLY", true);
    }

    /** Checks a backup encryption password before it is quoted: not empty, bounded, no control characters. */
    public static void checkEncryptionPassword(char[] password) {
        if (password == null || password.length == 0) {
            throw new InvalidIdentifierException("The encryption password is empty");
        }
        if (password.length > MAX_PASSWORD) {
            throw new InvalidIdentifierException("The encryption password may have at most " + MAX_PASSWORD + " characters");
        }
        for (char c : password) {
            if (Character.isISOControl(c)) {
                throw new InvalidIdentifierException("The encryption password may not contain control characters");
            }
        }
    }

    /** Backup concurrency of one tenant ({@code null} = this tenant in tenant mode, or every user tenant from sys). */
    public ObStatement setThreadScore(int score, TenantName tenant) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("ha_low_thread_score is between 0 and 100");
        }
        String sql = "ALTER SYSTEM SET ha_low_thread_score = " + score;
        if (mode == ClusterMode.SYS) {
            sql += " TENANT = " + (tenant != null ? tenant.value() : allUserTenants());
        }
        return ObStatement.plain(sql);
    }

    /**
     * Backup concurrency of every user tenant: one {@code TENANT = all_user} from 4.2.1; before,
     * one statement per user tenant, because there {@code all} also changes the sys and META
     * tenants, which a backup of the user tenants must not touch. Inside a tenant: its own.
     */
    public List<ObStatement> setThreadScoreOfEveryUserTenant(int score, List<TenantName> userTenants) {
        if (mode == ClusterMode.TENANT || version.atLeast("4.2.1")) {
            return List.of(setThreadScore(score, null));
        }
        return userTenants.stream().map(tenant -> setThreadScore(score, tenant)).toList();
    }

    // ---- restore (root@sys only; ob-restore-spec 1.1, 1.3-1.5)

    /** Refuses text that could not name a resource unit or pool (the same shape as a tenant name). */
    public static void checkResourceName(String raw, String what) {
        if (raw == null || !IDENTIFIER.matcher(raw).matches()) {
            throw new InvalidIdentifierException("'" + shorten(raw) + "' is not a " + what + " name: a letter or '_' "
                    + "followed by up to 127 letters, digits or '_'", "Not a " + what + " name");
        }
    }

    /** The pool, if it is one the cluster just listed ({@code listed}: its pools). */
    public String pool(String raw, Collection<String> listed) {
        checkResourceName(raw, "resource pool");
        if (!listed.contains(raw)) {
            throw new InvalidIdentifierException("Cluster '" + cluster + "' has no resource pool named '" + shorten(raw) + "'",
                    "Not a resource pool of the cluster");
        }
        return raw;
    }

    private void requireSys(String what) {
        if (mode != ClusterMode.SYS) {
            throw new IllegalStateException(what + " is run by root@sys only");
        }
    }

    /** {@code CREATE RESOURCE UNIT u MAX_CPU = .., MIN_CPU = .., MEMORY_SIZE = .., LOG_DISK_SIZE = ..}; the name is checked. */
    public ObStatement createResourceUnit(String unit, double maxCpu, double minCpu, long memorySize, long logDiskSize) {
        requireSys("CREATE RESOURCE UNIT");
        checkResourceName(unit, "resource unit");
        if (!(maxCpu > 0) || minCpu < 0 || minCpu > maxCpu || memorySize <= 0 || logDiskSize < 0) {
            throw new IllegalArgumentException("a unit needs a positive MAX_CPU >= MIN_CPU and a positive MEMORY_SIZE");
        }
        return ObStatement.plain("CREATE RESOURCE UNIT " + unit + " MAX_CPU = " + cpu(maxCpu) + ", MIN_CPU = " + cpu(minCpu)
                + ", MEMORY_SIZE = " + memorySize + (logDiskSize > 0 ? ", LOG_DISK_SIZE = " + logDiskSize : ""));
    }

    /** {@code CREATE RESOURCE POOL p UNIT = 'u', UNIT_NUM = n, ZONE_LIST = ('z1', ...)}; names and zones checked. */
    public ObStatement createResourcePool(String pool, String unit, int unitNum, List<String> zones) {
        requireSys("CREATE RESOURCE POOL");
        checkResourceName(pool, "resource pool");
        checkResourceName(unit, "resource unit");
        if (unitNum < 1 || unitNum > 64) {
            throw new IllegalArgumentException("UNIT_NUM is between 1 and 64");
        }
        zones.forEach(zone -> checkResourceName(zone, "zone"));
        return ObStatement.plain("CREATE RESOURCE POOL " + pool + " UNIT = " + literal(unit) + ", UNIT_NUM = " + unitNum
                + (zones.isEmpty() ? "" : ", ZONE_LIST = (" + zones.stream().map(ObDialect::literal)
                        .collect(Collectors.joining(", ")) + ")"));
    }

    private static String cpu(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * {@code SET DECRYPTION IDENTIFIED BY 'pw1', 'pw2'} (the full backup's password first): a session
     * variable the RESTORE after it on the same connection reads. Shown and audited as {@code '***'}.
     */
    public ObStatement setDecryption(List<char[]> passwords) {
        requireSys("SET DECRYPTION");
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException("SET DECRYPTION needs at least one password");
        }
        passwords.forEach(ObDialect::checkEncryptionPassword);
        return new ObStatement("SET DECRYPTION IDENTIFIED BY " + passwords.stream().map(p -> literal(new String(p)))
                .collect(Collectors.joining(", ")), "SET DECRYPTION IDENTIFIED BY "
                + passwords.stream().map(p -> "'***'").collect(Collectors.joining(", ")), true);
    }

    /**
     * {@code ALTER SYSTEM RESTORE t FROM '<data>,<archive>' [UNTIL SCN=n | UNTIL TIME='..'] WITH
     * 'pool_list=p&concurrency=n' [DESCRIPTION '..']}. The new tenant's name is checked (it is not
     * listed yet: OceanBase answers 4179 if it is); pools are names the cluster listed; the URIs are
     * the source tenant's destinations as its cluster holds them, masked in the shown form.
     *
     * @param untilScn  the point as an SCN, or null
     * @param untilTime the point as the cluster's wall-clock time (OceanBase reads it in the backup's zone), or null
     */
    public ObStatement restore(String newTenant, List<BackupDestination> uris, Long untilScn, LocalDateTime untilTime,
            List<String> pools, Integer concurrency, String description) {
        requireSys("ALTER SYSTEM RESTORE");
        checkTenantName(newTenant);
        if (uris.isEmpty() || pools.isEmpty()) {
            throw new IllegalArgumentException("a restore reads at least one destination into at least one pool");
        }
        pools.forEach(pool -> checkResourceName(pool, "resource pool"));
        if (concurrency != null && (concurrency < 0 || concurrency > 100)) {
            throw new IllegalArgumentException("restore concurrency is between 0 and 100");
        }
        if (untilScn != null && untilScn <= 0) {
            throw new IllegalArgumentException("an SCN is a positive number");
        }
        checkDescription(description);
        String until = untilScn != null ? " UNTIL SCN=" + untilScn
                : untilTime != null ? " UNTIL TIME='" + TIME_LITERAL.format(untilTime) + "'" : "";
        String with = " WITH " + literal("pool_list=" + String.join(",", pools)
                + (concurrency == null ? "" : "&concurrency=" + concurrency));
        String tail = until + with + (description == null || description.isEmpty() ? "" : " DESCRIPTION " + literal(description));
        String head = "ALTER SYSTEM RESTORE " + newTenant + " FROM ";
        return new ObStatement(head + literal(uris.stream().map(BackupDestination::uri).collect(Collectors.joining(",")))
                + tail, head + literal(uris.stream().map(BackupDestination::masked).collect(Collectors.joining(","))) + tail,
                uris.stream().anyMatch(BackupDestination::hasCredentials));
    }

    /** Whether the cluster has {@code RESTORE ... PREVIEW}: 4.2.3 and later 4.2, 4.3.2 and later (ob-restore-spec 1.2). */
    public boolean hasRestorePreview() {
        return version.atLeast("4.3.2") || version.atLeast("4.2.3") && !version.atLeast("4.3.0");
    }

    /**
     * {@code ALTER SYSTEM RESTORE FROM 'uris' UNTIL ... PREVIEW}: keeps the point in the session for
     * {@link #showRestorePreview()}; UNTIL is part of its syntax, so one of the two is given.
     */
    public ObStatement restorePreview(List<BackupDestination> uris, Long untilScn, LocalDateTime untilTime) {
        requireSys("RESTORE PREVIEW");
        if (!hasRestorePreview()) {
            throw new IllegalStateException("OceanBase " + version + " has no RESTORE PREVIEW");
        }
        if (uris.isEmpty() || (untilScn == null) == (untilTime == null)) {
            throw new IllegalArgumentException("a preview reads at least one destination up to one point");
        }
        if (untilScn != null && untilScn <= 0) {
            throw new IllegalArgumentException("an SCN is a positive number");
        }
        String until = untilScn != null ? " UNTIL SCN=" + untilScn : " UNTIL TIME='" + TIME_LITERAL.format(untilTime) + "'";
        String head = "ALTER SYSTEM RESTORE FROM ";
        return new ObStatement(head + literal(uris.stream().map(BackupDestination::uri).collect(Collectors.joining(",")))
                + until + " PREVIEW", head + literal(uris.stream().map(BackupDestination::masked)
                        .collect(Collectors.joining(","))) + until + " PREVIEW",
                uris.stream().anyMatch(BackupDestination::hasCredentials));
    }

    /** The sets and pieces the session's last PREVIEW would restore from (backup_type, backup_id, backup_dest, description). */
    public String showRestorePreview() {
        requireSys("SHOW RESTORE PREVIEW");
        return "SHOW RESTORE PREVIEW";
    }

    /** {@code ALTER SYSTEM CANCEL RESTORE t}: drops the restoring tenant, keeps its pools (refused before 4.2.0). */
    public ObStatement cancelRestore(TenantName tenant) {
        requireSys("CANCEL RESTORE");
        return ObStatement.plain("ALTER SYSTEM CANCEL RESTORE " + tenant.value());
    }

    /** {@code ALTER SYSTEM ACTIVATE STANDBY TENANT = t}: a restored STANDBY becomes PRIMARY. */
    public ObStatement activateStandby(TenantName tenant) {
        requireSys("ACTIVATE STANDBY");
        return ObStatement.plain("ALTER SYSTEM ACTIVATE STANDBY TENANT = " + tenant.value());
    }

    /**
     * {@code DROP TENANT t FORCE}: removes the tenant at once, without the delayed drop, and keeps its
     * pools. Only for a tenant the cluster just listed (a {@link TenantName}); which tenants the console
     * may drop at all is the drill's rule, not the dialect's.
     */
    public ObStatement dropTenantForce(TenantName tenant) {
        requireSys("DROP TENANT");
        return ObStatement.plain("DROP TENANT " + tenant.value() + " FORCE");
    }

    /** {@code DROP RESOURCE POOL p}, for a pool the cluster just listed ({@code listed}: its pools). */
    public ObStatement dropResourcePool(String pool, Collection<String> listed) {
        requireSys("DROP RESOURCE POOL");
        return ObStatement.plain("DROP RESOURCE POOL " + pool(pool, listed));
    }

    /** {@code DROP RESOURCE UNIT u}, for a unit the cluster just listed ({@code listed}: its units). */
    public ObStatement dropResourceUnit(String unit, Collection<String> listed) {
        requireSys("DROP RESOURCE UNIT");
        checkResourceName(unit, "resource unit");
        if (!listed.contains(unit)) {
            throw new InvalidIdentifierException("Cluster '" + cluster + "' has no resource unit named '" + shorten(unit)
                    + "'", "Not a resource unit of the cluster");
        }
        return ObStatement.plain("DROP RESOURCE UNIT " + unit);
    }

    /** Every resource pool with its unit's size (sys only). */
    public String resourcePools() {
        requireSys("DBA_OB_RESOURCE_POOLS");
        return "SELECT p.NAME, p.TENANT_ID, p.UNIT_COUNT, p.ZONE_LIST, u.NAME AS UNIT_NAME, u.MAX_CPU, u.MIN_CPU, "
                + "u.MEMORY_SIZE, u.LOG_DISK_SIZE FROM oceanbase.DBA_OB_RESOURCE_POOLS p JOIN oceanbase.DBA_OB_UNIT_CONFIGS u "
                + "ON u.UNIT_CONFIG_ID = p.UNIT_CONFIG_ID ORDER BY p.RESOURCE_POOL_ID";
    }

    /** Each observer's capacity and what its units are assigned (GV$OB_SERVERS, read in sys). */
    public String serverCapacity() {
        requireSys("GV$OB_SERVERS");
        return "SELECT ZONE, SVR_IP, SVR_PORT, CPU_CAPACITY, CPU_CAPACITY_MAX, CPU_ASSIGNED, CPU_ASSIGNED_MAX, MEM_CAPACITY, "
                + "MEM_ASSIGNED, LOG_DISK_CAPACITY, LOG_DISK_ASSIGNED FROM oceanbase.GV$OB_SERVERS ORDER BY ZONE, SVR_IP";
    }

    /** Every resource unit's name (a new unit must not take one). */
    public String resourceUnits() {
        requireSys("DBA_OB_UNIT_CONFIGS");
        return "SELECT NAME FROM oceanbase.DBA_OB_UNIT_CONFIGS";
    }

    /** User tenants with STATUS and TENANT_ROLE (RESTORE while restoring, STANDBY after, PRIMARY once activated). */
    public String tenantRoles() {
        return "SELECT TENANT_ID, TENANT_NAME, STATUS, TENANT_ROLE FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_TYPE = 'USER'";
    }

    private static final String RESTORE_COLUMNS = "TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID, "
            + "BACKUP_TENANT_NAME, BACKUP_DEST, RESTORE_SCN, RESTORE_SCN_DISPLAY, STATUS, START_TIMESTAMP, TOTAL_BYTES, "
            + "DESCRIPTION";

    /**
     * Running restores, both rows of each (sys only). {@code progressColumns}: also RECOVER_PROGRESS,
     * TABLET_COUNT, FINISH_TABLET_COUNT and RESTORE_PROGRESS, which arrived in 4.2.1 BP7 and 4.2.3 (selected by name).
     */
    public String restoreProgress(boolean progressColumns) {
        requireSys("CDB_OB_RESTORE_PROGRESS");
        return "SELECT " + RESTORE_COLUMNS + (progressColumns ? ", RECOVER_PROGRESS, TABLET_COUNT, FINISH_TABLET_COUNT, "
                + "RESTORE_PROGRESS" : "") + " FROM oceanbase.CDB_OB_RESTORE_PROGRESS ORDER BY JOB_ID";
    }

    /** The newest ended restores, both rows of each, with their COMMENT (sys only). */
    public String restoreHistory(int limit) {
        requireSys("CDB_OB_RESTORE_HISTORY");
        return "SELECT " + RESTORE_COLUMNS + ", FINISH_TIMESTAMP, TABLET_COUNT, FINISH_TABLET_COUNT, COMMENT "
                + "FROM oceanbase.CDB_OB_RESTORE_HISTORY ORDER BY JOB_ID DESC LIMIT " + Math.max(2, 2 * limit);
    }

    // ---- set-up actions an administrator confirms

    /** {@code ALTER SYSTEM SET DATA_BACKUP_DEST = '...' [TENANT = t]}; shown and audited with its key masked. */
    public ObStatement setDataBackupDest(TenantName tenant, BackupDestination dest) {
        return destinationStatement("ALTER SYSTEM SET DATA_BACKUP_DEST = ", "", tenant, dest);
    }

    /** {@code ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=...' [TENANT = t]}. */
    public ObStatement setLogArchiveDest(TenantName tenant, BackupDestination dest) {
        return destinationStatement("ALTER SYSTEM SET LOG_ARCHIVE_DEST = ", "LOCATION=", tenant, dest);
    }

    private ObStatement destinationStatement(String head, String prefix, TenantName tenant, BackupDestination dest) {
        String clause = tenantClause(tenant);
        return new ObStatement(head + literal(prefix + dest.uri()) + clause, head + literal(prefix + dest.masked()) + clause,
                dest.hasCredentials());
    }

    /** {@code ALTER SYSTEM ARCHIVELOG [TENANT = t]}: the archive goes BEGINNING, then DOING. */
    public ObStatement archivelog(TenantName tenant) {
        return ObStatement.plain("ALTER SYSTEM ARCHIVELOG" + tenantClause(tenant));
    }

    /** {@code ALTER SYSTEM NOARCHIVELOG [TENANT = t]}: the archive goes STOPPING, then STOP. */
    public ObStatement noarchivelog(TenantName tenant) {
        return ObStatement.plain("ALTER SYSTEM NOARCHIVELOG" + tenantClause(tenant));
    }

    /** {@code ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '7d' [TENANT = t]} (only 'default' exists). */
    public ObStatement addDeletePolicy(TenantName tenant, RecoveryWindow window) {
        return ObStatement.plain("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW "
                + literal(window.text()) + tenantClause(tenant));
    }

    /** {@code ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' [TENANT = t]}. */
    public ObStatement dropDeletePolicy(TenantName tenant) {
        return ObStatement.plain("ALTER SYSTEM DROP DELETE BACKUP POLICY 'default'" + tenantClause(tenant));
    }

    /** From sys exactly one tenant is named; inside a tenant the statement acts on itself and names none. */
    private String tenantClause(TenantName tenant) {
        return mode == ClusterMode.SYS ? " TENANT = " + tenant.value() : "";
    }

    /** Every user tenant in a TENANT clause: {@code all_user} from 4.2.1 ({@code all} is deprecated there), {@code all} before. */
    String allUserTenants() {
        return version.atLeast("4.2.1") ? "all_user" : "all";
    }

    private String target(List<TenantName> tenants) {
        if (mode == ClusterMode.TENANT || tenants.isEmpty()) {
            return "DATABASE";
        }
        return "TENANT = " + names(tenants);
    }

    // ---- fixes an administrator runs (shown, never run by the console)

    public String archivelogFix(TenantName tenant) {
        return mode == ClusterMode.SYS ? "ALTER SYSTEM ARCHIVELOG TENANT = " + tenant.value() + ";" : "ALTER SYSTEM ARCHIVELOG;";
    }

    public String logArchiveDestFix(TenantName tenant) {
        String set = "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=<archive URI, e.g. file:///data/archive>'";
        return mode == ClusterMode.SYS ? set + " TENANT = " + tenant.value() + ";" : set + ";";
    }

    public String backupDestFix(TenantName tenant) {
        String set = "ALTER SYSTEM SET DATA_BACKUP_DEST = '<backup destination URI, e.g. file:///data/backup>'";
        return mode == ClusterMode.SYS ? set + " TENANT = " + tenant.value() + ";" : set + ";";
    }

    // ---- reads

    private String view(String name) {
        return "oceanbase." + (mode == ClusterMode.SYS ? "CDB_" : "DBA_") + name;
    }

    /** TENANT_ID where the view has it (CDB_ views); DBA_ views are the session tenant's own. */
    private String tenantIdColumn() {
        return mode == ClusterMode.SYS ? "TENANT_ID, " : "";
    }

    public String clusterNow() {
        return "SELECT NOW(6)";
    }

    /** User tenants only: SYS and META tenants are never backup targets. */
    public String userTenants() {
        return "SELECT TENANT_ID, TENANT_NAME, COMPATIBILITY_MODE, STATUS FROM oceanbase.DBA_OB_TENANTS "
                + "WHERE TENANT_TYPE = 'USER' ORDER BY TENANT_ID";
    }

    public String archiveStatus() {
        return "SELECT " + tenantIdColumn() + "STATUS, CHECKPOINT_SCN_DISPLAY FROM " + view("OB_ARCHIVELOG");
    }

    public String backupDestinations() {
        return "SELECT " + tenantIdColumn() + "VALUE FROM " + view("OB_BACKUP_PARAMETER") + " WHERE NAME = 'data_backup_dest'";
    }

    /** Each tenant's archive destination: the {@code path} row of its dest 1. */
    public String archiveDestinations() {
        return "SELECT " + tenantIdColumn() + "VALUE FROM " + view("OB_ARCHIVE_DEST") + " WHERE NAME = 'path'";
    }

    public String deletePolicies() {
        return "SELECT " + tenantIdColumn() + "RECOVERY_WINDOW FROM " + view("OB_BACKUP_DELETE_POLICY")
                + " WHERE POLICY_NAME = 'default'";
    }

    public String threadScores() {
        return "SELECT TENANT_ID, VALUE FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'ha_low_thread_score'";
    }

    /** Backup sets a restore can use: successful and still available. */
    public String usableBackupSets() {
        return "SELECT " + tenantIdColumn() + "BACKUP_SET_ID, BACKUP_TYPE, START_TIMESTAMP, END_TIMESTAMP FROM "
                + view("OB_BACKUP_SET_FILES") + " WHERE STATUS = 'SUCCESS' AND FILE_STATUS = 'AVAILABLE' "
                + "ORDER BY END_TIMESTAMP";
    }

    /**
     * Every backup set of every tenant the session sees, successful or not, with the SCNs and
     * encryption a restore needs: the fleet's one read of the view per round (newest first per
     * tenant), from which the last good sets, the sets the pages list and the recoverable window come.
     */
    public String backupSetFiles() {
        return "SELECT " + tenantIdColumn() + SET_COLUMNS + ", START_REPLAY_SCN, MIN_RESTORE_SCN, ENCRYPTION_MODE FROM "
                + view("OB_BACKUP_SET_FILES") + " ORDER BY " + tenantIdColumn() + "BACKUP_SET_ID DESC";
    }

    /** The archive pieces a restore can read, of every tenant the session sees: one read per round for all tenants. */
    public String archivePieces() {
        return "SELECT " + tenantIdColumn() + "DEST_ID, ROUND_ID, PIECE_ID, START_SCN, CHECKPOINT_SCN, END_SCN, FILE_STATUS "
                + "FROM " + view("OB_ARCHIVELOG_PIECE_FILES") + " WHERE FILE_STATUS = 'AVAILABLE' ORDER BY "
                + tenantIdColumn() + "DEST_ID, START_SCN";
    }

    private static final String SET_COLUMNS = "BACKUP_SET_ID, BACKUP_TYPE, PREV_FULL_BACKUP_SET_ID, "
            + "PREV_INC_BACKUP_SET_ID, START_TIMESTAMP, END_TIMESTAMP, STATUS, FILE_STATUS, ELAPSED_SECONDES, "
            + "PLUS_ARCHIVELOG, INPUT_BYTES, OUTPUT_BYTES, RESULT, COMMENT, PATH";

    /**
     * One tenant's backup sets, successful or not, newest first. From sys the statement has one
     * parameter, the tenant's id, to be bound ({@link #bindsTenantId()}); inside a tenant the view
     * holds only that tenant.
     */
    public String tenantBackupSets(int limit) {
        return "SELECT " + tenantIdColumn() + SET_COLUMNS + " FROM " + view("OB_BACKUP_SET_FILES")
                + (bindsTenantId() ? " WHERE TENANT_ID = ?" : "") + " ORDER BY BACKUP_SET_ID DESC LIMIT "
                + Math.max(1, limit);
    }

    /** Whether per-tenant reads such as {@link #tenantBackupSets} take the tenant's id as their parameter. */
    public boolean bindsTenantId() {
        return mode == ClusterMode.SYS;
    }

    private static final DateTimeFormatter TIME_LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static final String JOB_COLUMNS = "JOB_ID, INCARNATION, BACKUP_SET_ID, INITIATOR_TENANT_ID, INITIATOR_JOB_ID, "
            + "PLUS_ARCHIVELOG, BACKUP_TYPE, ENCRYPTION_MODE, START_TIMESTAMP, END_TIMESTAMP, STATUS, RESULT, COMMENT, "
            + "DESCRIPTION";

    /** Jobs of user tenants (not the sys tenant's CLUSTER row) that are INIT, DOING or CANCELING. */
    public String runningJobs() {
        return "SELECT " + tenantIdColumn() + JOB_COLUMNS + " FROM " + view("OB_BACKUP_JOBS")
                + " WHERE JOB_LEVEL = 'USER_TENANT' ORDER BY START_TIMESTAMP";
    }

    /**
     * The sys tenant's own open jobs (its CLUSTER rows, tenant 1), sys mode only: while one is
     * open, OceanBase refuses every new BACKUP from sys with 9036, whichever tenants it names.
     */
    public String openSysJobs() {
        if (mode != ClusterMode.SYS) {
            throw new IllegalStateException("only a sys-tenant session sees the sys tenant's jobs");
        }
        return "SELECT TENANT_ID, " + JOB_COLUMNS + " FROM oceanbase.CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1 "
                + "AND JOB_LEVEL = 'CLUSTER' ORDER BY START_TIMESTAMP";
    }

    /**
     * The rows of one tenant's jobs with this id, running ({@code running}) or ended; more than one
     * when the cluster has numbered jobs from the start again (the caller tells them apart by
     * incarnation and start time). Both values are numbers, never text from a person.
     */
    public String jobsWithId(boolean running, long tenantId, long jobId) {
        return "SELECT " + tenantIdColumn() + JOB_COLUMNS + " FROM " + view(running ? "OB_BACKUP_JOBS" : "OB_BACKUP_JOB_HISTORY")
                + " WHERE JOB_LEVEL = 'USER_TENANT' AND JOB_ID = " + jobId
                + (bindsTenantId() ? " AND TENANT_ID = " + tenantId : "");
    }

    /** The newest ended jobs of user tenants. */
    public String jobHistory(int limit) {
        return "SELECT " + tenantIdColumn() + JOB_COLUMNS + " FROM " + view("OB_BACKUP_JOB_HISTORY")
                + " WHERE JOB_LEVEL = 'USER_TENANT' ORDER BY START_TIMESTAMP DESC LIMIT " + Math.max(1, limit);
    }

    public String runningTasks() {
        return runningTasks(false);
    }

    /** {@code withRetries}: also RETRY_ID (__all_backup_task has it; not every release's view shows it). */
    public String runningTasks(boolean withRetries) {
        return "SELECT " + tenantIdColumn() + "JOB_ID, TASK_ID, STATUS, TABLET_COUNT, FINISH_TABLET_COUNT, "
                + "MACRO_BLOCK_COUNT, FINISH_MACRO_BLOCK_COUNT, INPUT_BYTES, OUTPUT_BYTES" + (withRetries ? ", RETRY_ID" : "")
                + " FROM " + view("OB_BACKUP_TASKS") + " ORDER BY TASK_ID";
    }

    /**
     * Jobs of user tenants that ended at or after {@code since} (cluster time), oldest first, so a
     * burst larger than the limit is caught up over the next rounds; {@code since} null: the newest.
     */
    public String jobsEndedSince(LocalDateTime since, int limit) {
        String select = "SELECT " + tenantIdColumn() + JOB_COLUMNS + " FROM " + view("OB_BACKUP_JOB_HISTORY")
                + " WHERE JOB_LEVEL = 'USER_TENANT'";
        if (since == null) {
            return select + " ORDER BY END_TIMESTAMP DESC LIMIT " + Math.max(1, limit);
        }
        // the literal is our own formatting of a cluster timestamp, never text from a person
        return select + " AND END_TIMESTAMP >= '" + TIME_LITERAL.format(since) + "' ORDER BY END_TIMESTAMP LIMIT "
                + Math.max(1, limit);
    }
}

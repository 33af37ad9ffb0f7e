package io.obconsole.demo.engine;

import io.obconsole.demo.DemoConfig;
import io.obconsole.demo.sql.SqlError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of the demo cluster (tenants, archive rounds, jobs, backup sets) and the rules that
 * change it. Every change happens under this object's lock after time has been advanced to
 * "now", so what a client reads is a pure function of the statements and the clock.
 */
final class Cluster {

    static final long MACRO_BLOCK_BYTES = 2L * 1024 * 1024;
    static final long SYS_TENANT_ID = 1;

    final DemoConfig config;
    final Clock clock;
    final List<Tenant> tenants = new ArrayList<>();
    final List<BackupJob> jobs = new ArrayList<>();
    final List<BackupSetFile> backupSets = new ArrayList<>();
    final BackupEngine backups;
    final BackupStorage storage;
    final Resources resources = new Resources();
    final RestoreEngine restores;
    private Instant advancedTo;
    /** Bumped on every change so the view store rewrites its tables only when needed. */
    long revision;
    /** OceanBase's INCARNATION: 1 until a restore starts a new one; the demo never restores. */
    long incarnation = 1;
    /** A job ended while time advanced: the state file is behind. */
    boolean unsaved;

    Cluster(DemoConfig config, SharedStorage shared) {
        this.config = config;
        this.clock = config.clock();
        this.storage = new BackupStorage(this, shared);
        this.advancedTo = clock.instant();
        this.backups = new BackupEngine(this);
        this.restores = new RestoreEngine(this);
        if (config.stateFile() != null && java.nio.file.Files.exists(config.stateFile())) {
            DemoState.load(this, config.stateFile());
        } else {
            Scenarios.seed(this, config.scenario());
            resources.seed(tenants);
            save();
        }
    }

    /** Where a saved state left off (before anything else is loaded). */
    void restore(long incarnation, Instant advancedTo) {
        this.incarnation = incarnation;
        if (advancedTo.isAfter(this.advancedTo)) {
            this.advancedTo = advancedTo;
        }
    }

    synchronized Instant now() {
        return advancedTo;
    }

    /** Brings jobs and archive rounds up to the clock; every statement starts with this. */
    synchronized void advance() {
        Instant now = clock.instant();
        if (now.isBefore(advancedTo)) {
            now = advancedTo;
        }
        if (!now.equals(advancedTo)) {
            backups.advance(advancedTo, now);
            restores.advance(now);
            for (Tenant tenant : tenants) {
                for (ArchiveRound round : tenant.archiveRounds) {
                    round.advanceTo(now);
                }
            }
            advancedTo = now;
            revision++;
            if (unsaved) {
                save();
            }
        }
    }

    synchronized void changed() {
        revision++;
        save();
    }

    /** Keeps the state file (if any) up to date; progress between saves follows from the clock alone. */
    private void save() {
        unsaved = false;
        if (config.stateFile() != null) {
            DemoState.save(this, config.stateFile());
        }
    }

    // ---- tenants

    Optional<Tenant> tenant(String name) {
        return tenants.stream().filter(t -> t.name.equalsIgnoreCase(name)).findFirst();
    }

    Tenant tenant(long id) {
        return tenants.stream().filter(t -> t.id == id).findFirst().orElseThrow();
    }

    Tenant sys() {
        return tenant(SYS_TENANT_ID);
    }

    List<Tenant> userTenants() {
        return tenants.stream().filter(Tenant::isUser).toList();
    }

    /** A tenant named in a {@code TENANT =} list: unknown is 5160, sys or a META tenant an internal error. */
    Tenant userTenantNamed(String name) throws SqlError {
        Tenant tenant = tenant(name).orElseThrow(Errors::unknownTenant);
        if (!tenant.isUser()) {
            throw Errors.internal();
        }
        return tenant;
    }

    boolean versionAtLeast(String version) {
        return compareVersions(config.version(), version) >= 0;
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? Integer.parseInt(left[i].replaceAll("\\D.*", "")) : 0;
            int r = i < right.length ? Integer.parseInt(right[i].replaceAll("\\D.*", "")) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    String editionName() {
        return config.edition().equalsIgnoreCase("CE") ? "OceanBase_CE" : "OceanBase";
    }

    String mysqlVersion() {
        return "5.7.25-" + editionName() + "-v" + config.version();
    }

    String versionComment() {
        return editionName() + " " + config.version() + " (r101000012023111512-4d7a5fbc4cbd0e6d6e6ea5d4a2e5c2b1f4b5e3d2) "
                + "(Built Nov 15 2023 12:00:00)";
    }

    // ---- parameters

    synchronized void setParameter(Tenant caller, Statement.SetParameter set) throws SqlError {
        switch (set.name()) {
            case "ha_low_thread_score" -> setThreadScore(caller, set);
            case "data_backup_dest" -> setDataBackupDest(caller, set);
            case "log_archive_dest" -> setLogArchiveDest(caller, set);
            // unconfirmed: the code OceanBase gives an unknown configuration item
            default -> throw Errors.invalidConfig();
        }
        changed();
    }

    private void setThreadScore(Tenant caller, Statement.SetParameter set) throws SqlError {
        int score = integerValue(set.value());
        if (score < 0 || score > 100) {
            throw Errors.invalidConfig();
        }
        for (Tenant tenant : parameterTargets(caller, set.tenants())) {
            tenant.haLowThreadScore = score;
        }
    }

    private List<Tenant> parameterTargets(Tenant caller, Statement.TenantList list) throws SqlError {
        if (list == null) {
            return List.of(caller);
        }
        String name = list.names().get(0);
        boolean modern = versionAtLeast("4.2.1");
        switch (name.toLowerCase(Locale.ROOT)) {
            case "all" -> {
                // from V4.2.1 "all" means all user tenants; before, every tenant
                return modern ? userTenants() : List.copyOf(tenants);
            }
            case "all_user", "all_meta" -> {
                if (!modern) {
                    throw Errors.notSupported();
                }
                Tenant.Type type = name.equalsIgnoreCase("all_user") ? Tenant.Type.USER : Tenant.Type.META;
                return tenants.stream().filter(t -> t.type == type).toList();
            }
            default -> {
                return List.of(tenant(name).orElseThrow(Errors::unknownTenant));
            }
        }
    }

    private void setDataBackupDest(Tenant caller, Statement.SetParameter set) throws SqlError {
        String dest = stringValue(set.value()).trim();
        Tenant target = destTarget(caller, set.tenants());
        target.dataBackupDest = storage.claim(dest, target.id, BackupStorage.Use.DATA);
    }

    private void setLogArchiveDest(Tenant caller, Statement.SetParameter set) throws SqlError {
        String value = stringValue(set.value()).trim();
        if (!value.toUpperCase(Locale.ROOT).startsWith("LOCATION=")) {
            throw Errors.invalidConfig();
        }
        Tenant target = destTarget(caller, set.tenants());
        if (target.inArchivelogMode() || target.archiveStatus().equals("STOPPING")) {
            throw Errors.archiveDestWhileArchiving();
        }
        String location = value.substring("LOCATION=".length()).trim();
        target.logArchiveDest = storage.claim(location, target.id, BackupStorage.Use.ARCHIVE);
    }

    private Tenant destTarget(Tenant caller, Statement.TenantList list) throws SqlError {
        if (list == null) {
            if (!caller.isUser()) {
                // the sys tenant itself is never backed up, so it has no destination
                throw Errors.notSupported();
            }
            return caller;
        }
        if (list.names().size() != 1) {
            throw Errors.notSupported();
        }
        return userTenantNamed(list.names().get(0));
    }

    private static int integerValue(Token value) throws SqlError {
        try {
            return Integer.parseInt(value.value().trim());
        } catch (NumberFormatException e) {
            throw Errors.invalidConfig();
        }
    }

    private static String stringValue(Token value) throws SqlError {
        if (value.kind() != Token.Kind.STRING) {
            throw Errors.invalidConfig();
        }
        return value.value();
    }

    // ---- retention

    /** {@code ADD|DROP DELETE BACKUP POLICY}: only 'default', and from sys exactly one named tenant. */
    synchronized void deletePolicy(Tenant caller, Statement.DeletePolicy policy) throws SqlError {
        if (!policy.name().equals("default")) {
            throw Errors.policyNameNotDefault();
        }
        Tenant target;
        if (caller.isUser()) {
            if (policy.tenants() != null) {
                throw Errors.userTenantCannotNameTenants();
            }
            target = caller;
        } else if (policy.tenants() == null) {
            throw Errors.tooLittleTenantNames();
        } else if (policy.tenants().names().size() > 1) {
            throw Errors.tooManyTenantNames();
        } else {
            target = userTenantNamed(policy.tenants().names().get(0));
        }
        if (policy.add()) {
            if (!policy.recoveryWindow().matches("[1-9][0-9]{0,5}[dhms]")) {
                throw Errors.invalidRecoveryWindow();
            }
            if (target.deletePolicyWindow != null) {
                throw Errors.deletePolicyExists();
            }
            target.deletePolicyWindow = policy.recoveryWindow();
        } else {
            if (target.deletePolicyWindow == null) {
                throw Errors.deletePolicyMissing();
            }
            target.deletePolicyWindow = null;
        }
        changed();
    }

    // ---- archive mode

    synchronized void archiveMode(Tenant caller, Statement.ArchiveMode mode) throws SqlError {
        List<Tenant> targets;
        boolean all = mode.tenants() == null || mode.tenants().names("all");
        if (caller.isUser()) {
            targets = List.of(caller);
        } else if (all) {
            targets = userTenants().stream().filter(t -> t.inArchivelogMode() != mode.archive()).toList();
            if (targets.isEmpty()) {
                throw mode.archive() ? Errors.alreadyArchivelog() : Errors.alreadyNoArchivelog();
            }
        } else {
            targets = new ArrayList<>();
            for (String name : mode.tenants().names()) {
                targets.add(userTenantNamed(name));
            }
        }
        for (Tenant tenant : targets) {
            if (tenant.inArchivelogMode() == mode.archive()) {
                throw mode.archive() ? Errors.alreadyArchivelog() : Errors.alreadyNoArchivelog();
            }
            if (mode.archive() && tenant.logArchiveDest.isEmpty()) {
                throw Errors.archiveDestNotSet();
            }
        }
        Instant now = now();
        for (Tenant tenant : targets) {
            if (mode.archive()) {
                ArchiveRound previous = tenant.archive();
                ArchiveRound round = new ArchiveRound(previous == null ? 1 : previous.roundId + 1, now,
                        tenant.logArchiveDest, "BEGINNING");
                round.settlesAt = now.plusSeconds(5);
                tenant.archiveRounds.add(round);
            } else {
                ArchiveRound round = tenant.archive();
                round.status = "STOPPING";
                round.settlesAt = now.plusSeconds(3);
            }
        }
        changed();
    }

    /** For tests: put a tenant's archive straight into {@code status} (a round is created if none). */
    synchronized void forceArchive(Tenant tenant, String status) {
        advance();
        ArchiveRound round = tenant.archive();
        if (round == null || status.equals("BEGINNING") && round.status.equals("STOP")) {
            round = new ArchiveRound(round == null ? 1 : round.roundId + 1, now(),
                    tenant.logArchiveDest.isEmpty() ? "file:///data/archive/" + tenant.name : tenant.logArchiveDest, status);
            tenant.archiveRounds.add(round);
        }
        round.status = status;
        round.settlesAt = null;
        changed();
    }

    // ---- resources

    synchronized void resource(Statement statement) throws SqlError {
        Instant now = now();
        if (statement instanceof Statement.CreateResourceUnit unit) {
            resources.createUnit(unit, now);
        } else if (statement instanceof Statement.CreateResourcePool pool) {
            resources.createPool(pool, now);
        } else if (statement instanceof Statement.DropResource drop) {
            if (drop.pool()) {
                resources.dropPool(drop.name());
            } else {
                resources.dropUnit(drop.name());
            }
        }
        changed();
    }

    Duration fullBackupDuration() {
        return config.fullBackupDuration();
    }
}

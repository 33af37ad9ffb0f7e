package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Physical restore as OceanBase runs it (ob-restore-spec sections 1.1, 1.3-1.5, 2 and 3): the
 * resolver's and RootService's refusals in their order, the choice of backup sets and archive
 * pieces for the target SCN, the new tenant created in the synchronous part, and the background
 * lifecycle that ends in CDB_OB_RESTORE_HISTORY. The sources are read from the fleet's shared
 * storage: a destination's format file says which cluster's tenant wrote the data or archive there,
 * and its backup sets and archive pieces are read from that cluster ({@link #read}).
 */
final class RestoreEngine {

    static final String CANCELED_COMMENT = "physical restore canceled";
    private static final DateTimeFormatter UNTIL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final Cluster cluster;
    final List<RestoreJob> jobs = new ArrayList<>();
    long nextJobId = 1;
    /** A fault a test asked for: the next restore fails half-way through its data with this COMMENT. */
    String nextFailure;

    RestoreEngine(Cluster cluster) {
        this.cluster = cluster;
    }

    /** What the sets and pieces of a restore are, once chosen. */
    private record Sources(String backupTenantName, String backupMode, long backupTenantId, List<BackupSetFile> sets,
            List<ArchivePiece> pieces, long restoreScn) {
    }

    /**
     * What lies at one destination root of the shared storage, read from the cluster that wrote it:
     * the tenant's backup sets (for a data root) or archive pieces (for an archive root) under it.
     */
    record Written(String root, long tenantId, BackupStorage.Use use, String tenantName, String mode,
            List<BackupSetFile> sets, List<ArchivePiece> pieces) {
    }

    /**
     * Reads what lies at each URI's root, each from its writer under the writer's own lock (never
     * while holding this cluster's: two clusters restoring from each other must not wait on each
     * other). URIs OceanBase cannot use are left out; the checks of {@link #start} refuse them.
     */
    static Map<String, Written> read(BackupStorage storage, String uriList) {
        Map<String, Written> out = new java.util.HashMap<>();
        for (String part : uriList.split(",")) {
            String uri = part.trim();
            BackupStorage.Owner owner;
            String root;
            try {
                root = BackupStorage.root(uri);
                owner = storage.ownerOf(uri);
            } catch (SqlError e) {
                continue;
            }
            if (owner == null || out.containsKey(root)) {
                continue;
            }
            Cluster writer = owner.writer();
            writer.advance();
            synchronized (writer) {
                Tenant tenant = writer.tenants.stream().filter(t -> t.id == owner.tenantId()).findFirst().orElse(null);
                List<BackupSetFile> sets = owner.use() != BackupStorage.Use.DATA ? List.of()
                        : writer.backupSets.stream().filter(s -> s.tenantId() == owner.tenantId() && s.usable()
                                && under(s.path(), List.of(root))).toList();
                List<ArchivePiece> pieces = owner.use() != BackupStorage.Use.ARCHIVE || tenant == null ? List.of()
                        : ArchivePiece.of(tenant).stream().filter(p -> under(p.path(), List.of(root))).toList();
                out.put(root, new Written(root, owner.tenantId(), owner.use(), tenant == null ? "" : tenant.name,
                        tenant == null ? "MYSQL" : tenant.compatibilityMode, List.copyOf(sets), List.copyOf(pieces)));
            }
        }
        return out;
    }

    // ---- starting

    /** Checks and records the job (sys row CREATE_TENANT); the caller waits for the tenant to exist. */
    RestoreJob start(Statement.Restore restore, List<String> decryptionPasswords, Map<String, Written> written)
            throws SqlError {
        // resolver: URIs, options, UNTIL
        List<String> uris = uris(restore.uris());
        Map<String, String> options = options(restore.options());
        List<String> pools = poolList(options);
        concurrency(options);
        String method = method(options);
        Long untilScn = untilScn(restore);
        // RootService
        if (cluster.tenant(restore.tenant()).isPresent()) {
            throw Errors.restoreTenantExists();
        }
        for (String name : pools) {
            Resources.ResourcePool pool = cluster.resources.pool(name).orElseThrow(() -> Errors.resourcePoolMissing(name));
            if (pool.tenantId() != null || poolTakenByRestore(pool.name())) {
                throw Errors.resourcePoolGranted(pool.name());
            }
        }
        Sources sources = sources(uris, untilScn, decryptionPasswords, written);
        if (jobs.stream().anyMatch(j -> j.running() && j.tenantName().equalsIgnoreCase(restore.tenant()))) {
            throw Errors.restoreInProgress();
        }
        return record(restore, uris, pools, method, sources);
    }

    // ---- preview (spec section 1.2)

    /** RESTORE PREVIEW exists from 4.2.3 in 4.2 and from 4.3.2 in 4.3. */
    boolean previewExists() {
        return cluster.versionAtLeast("4.3.2") || cluster.versionAtLeast("4.2.3") && !cluster.versionAtLeast("4.3.0");
    }

    /** The resolver's part of {@code RESTORE ... PREVIEW}: the SCN must be a positive integer, the time a time. */
    void checkPreview(Statement.RestorePreview preview) throws SqlError {
        if (!previewExists()) {
            throw Errors.restorePreviewNotSupported();
        }
        untilScn(new Statement.Restore("", preview.uris(), preview.untilTime(), preview.untilScn(), "", null));
    }

    /**
     * What SHOW RESTORE PREVIEW lists for a preview: the backup sets, then the archive pieces, a
     * RESTORE to that point would use (each {backup_type, backup_id, backup_dest, description}), or
     * the refusal the RESTORE would get (9026, 9119, 9047, ...).
     */
    List<List<Object>> preview(Statement.RestorePreview preview, List<String> passwords, Map<String, Written> written)
            throws SqlError {
        List<String> uris = uris(preview.uris());
        Long untilScn = untilScn(new Statement.Restore("", preview.uris(), preview.untilTime(), preview.untilScn(), "", null));
        Sources sources = sources(uris, untilScn, passwords, written);
        List<List<Object>> rows = new ArrayList<>();
        for (BackupSetFile set : sources.sets()) {
            rows.add(List.of("BACKUP_SET", set.backupSetId(), set.path(), "backup_type: " + set.backupType()
                    + ", min_restore_scn_display: " + compact(set.minRestoreScn()) + "."));
        }
        for (ArchivePiece piece : sources.pieces()) {
            rows.add(List.of("BACKUP_PIECE", piece.pieceId(), piece.path(), "start_scn_display: "
                    + compact(piece.startScn()) + ", checkpoint_scn_display: " + compact(piece.checkpointScn()) + "."));
        }
        return rows;
    }

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    /** An SCN as the preview's descriptions show it ({@code 20240409T155954}), in the cluster's zone. */
    private String compact(long scn) {
        Instant at = Instant.ofEpochSecond(scn / 1_000_000_000L, scn % 1_000_000_000L);
        return COMPACT.format(ViewCatalog.time(cluster, at));
    }

    private RestoreJob record(Statement.Restore restore, List<String> uris, List<String> pools, String method,
            Sources sources) {
        BackupSetFile last = sources.sets().get(sources.sets().size() - 1);
        long totalBytes = sources.sets().stream().mapToLong(BackupSetFile::inputBytes).sum();
        long tablets = last.tabletCount();
        // the data phase follows the backup's size, at the latency profile's speed
        Duration data = Duration.ofMillis(Math.max(1000, totalBytes / (cluster.config.latency().restoreBytesPerSecond() / 1000)));
        Duration replay = Duration.ofNanos(Math.max(0, sources.restoreScn() - last.startReplayScn()) / cluster.config.latency().replaySpeedup());
        String failure = nextFailure;
        nextFailure = null;
        RestoreJob job = new RestoreJob(nextJobId++, restore.tenant(), nextTenantId(),
                sources.backupTenantName(), sources.backupTenantId(),
                String.join(",", uris.stream().map(BackupStorage::stored).toList()), restore.options(),
                sources.restoreScn(), last.startReplayScn(), cluster.now(),
                sources.sets().stream().map(BackupSetFile::path).toList(),
                sources.pieces().stream().map(ArchivePiece::path).toList(), tablets, totalBytes,
                restore.description(), pools, method, last.clusterVersion(), data, replay, failure, false, null, null, "",
                sources.backupMode());
        jobs.add(job);
        return job;
    }

    private boolean poolTakenByRestore(String pool) {
        return jobs.stream().anyMatch(j -> j.running() && !j.tenantCreated()
                && j.pools().stream().anyMatch(p -> p.equalsIgnoreCase(pool)));
    }

    /** The next user tenant id (even, never reused), its META tenant being the one before. */
    private long nextTenantId() {
        // user tenants are numbered from 1002 (META 1001), above sys (1) even on a cluster that has no user tenant
        long max = Math.max(1000, cluster.tenants.stream().mapToLong(t -> t.id).max().orElse(1000));
        for (RestoreJob job : jobs) {
            max = Math.max(max, job.tenantId());
        }
        long next = max + 1;
        return next % 2 == 0 ? next : next + 1;
    }

    private static List<String> uris(String list) throws SqlError {
        Set<String> uris = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String uri = part.trim();
            if (uri.isEmpty()) {
                continue;
            }
            try {
                BackupStorage.root(uri);
            } catch (SqlError e) {
                throw Errors.invalidRestoreUri(uri);
            }
            uris.add(uri);
        }
        if (uris.isEmpty()) {
            throw Errors.invalidRestoreUri(list);
        }
        return List.copyOf(uris);
    }

    /** {@code key=value} pairs joined by {@code &}; keys case-insensitive, unknown keys ignored. */
    private static Map<String, String> options(String text) {
        Map<String, String> options = new TreeMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                options.put(pair.substring(0, eq).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
            }
        }
        return options;
    }

    private static List<String> poolList(Map<String, String> options) throws SqlError {
        String value = options.get("pool_list");
        List<String> pools = value == null ? List.of()
                : java.util.Arrays.stream(value.split(",")).filter(p -> !p.isEmpty()).toList();
        if (pools.isEmpty()) {
            throw Errors.emptyPoolList();
        }
        return pools;
    }

    private static void concurrency(Map<String, String> options) throws SqlError {
        String value = options.get("concurrency");
        if (value == null) {
            return;
        }
        try {
            int concurrency = Integer.parseInt(value);
            if (concurrency < 0 || concurrency > 100) {
                throw Errors.badRestoreConcurrency();
            }
        } catch (NumberFormatException e) {
            throw Errors.badRestoreConcurrency();
        }
    }

    /** {@code method=full|quick} exists from 4.3.3; before, the key is unknown and ignored. */
    private String method(Map<String, String> options) throws SqlError {
        String value = options.get("method");
        if (value == null || !cluster.versionAtLeast("4.3.3")) {
            return "FULL";
        }
        String method = value.toUpperCase(Locale.ROOT);
        if (!method.equals("FULL") && !method.equals("QUICK")) {
            throw Errors.badRestoreMethod();
        }
        return method;
    }

    private Long untilScn(Statement.Restore restore) throws SqlError {
        if (restore.untilScn() != null) {
            try {
                long scn = Long.parseLong(restore.untilScn());
                if (scn <= 0) {
                    throw Errors.badUntilScn();
                }
                return scn;
            } catch (NumberFormatException e) {
                throw Errors.badUntilScn();
            }
        }
        if (restore.untilTime() != null) {
            try {
                // the backup's (source sys tenant's) time zone, which in the demo is the cluster's own
                LocalDateTime time = LocalDateTime.parse(restore.untilTime().trim(), UNTIL_TIME);
                return BackupEngine.scn(time.atZone(cluster.clock.getZone()).toInstant());
            } catch (DateTimeParseException e) {
                throw Errors.badUntilTime();
            }
        }
        return null;
    }

    // ---- sources and the window (spec section 3)

    private Sources sources(List<String> uris, Long untilScn, List<String> passwords, Map<String, Written> written)
            throws SqlError {
        Set<Long> dataTenants = new LinkedHashSet<>();
        Set<Long> archiveTenants = new LinkedHashSet<>();
        List<Written> data = new ArrayList<>();
        List<Written> archives = new ArrayList<>();
        for (String uri : uris) {
            Written at = written.get(BackupStorage.root(uri));
            if (at == null) {
                throw Errors.destNotEmpty();
            }
            if (at.use() == BackupStorage.Use.DATA) {
                dataTenants.add(at.tenantId());
                data.add(at);
            } else {
                archiveTenants.add(at.tenantId());
                archives.add(at);
            }
        }
        if (dataTenants.size() > 1) {
            throw Errors.multipleTenantBackupPaths();
        }
        if (dataTenants.isEmpty()) {
            throw Errors.restoreSourceNotEnough(cluster, "no backup set is available");
        }
        long tenantId = dataTenants.iterator().next();
        if (archiveTenants.stream().anyMatch(id -> id != tenantId)) {
            throw Errors.differentTenantsMixed();
        }
        Written source = data.get(0);
        List<BackupSetFile> sets = data.stream().flatMap(w -> w.sets().stream())
                .sorted(Comparator.comparingLong(BackupSetFile::backupSetId)).toList();
        List<ArchivePiece> pieces = archives.stream().flatMap(w -> w.pieces().stream())
                .sorted(Comparator.comparingLong(ArchivePiece::pieceId)).toList();
        long target;
        if (untilScn != null) {
            target = untilScn;
        } else if (!pieces.isEmpty()) {
            target = pieces.stream().mapToLong(ArchivePiece::checkpointScn).max().orElseThrow();
        } else if (!sets.isEmpty()) {
            target = sets.get(sets.size() - 1).minRestoreScn();
        } else {
            throw Errors.restoreSourceNotEnough(cluster, "no backup set is available");
        }
        List<BackupSetFile> chain = chain(sets, target);
        checkPasswords(chain, passwords);
        BackupSetFile last = chain.get(chain.size() - 1);
        List<ArchivePiece> used = pieces(pieces, last, target);
        return new Sources(source.tenantName(), source.mode(), tenantId, chain, used, target);
    }

    private static boolean under(String path, List<String> roots) {
        try {
            String root = BackupStorage.root(path);
            return roots.stream().anyMatch(r -> root.equals(r) || root.startsWith(r + "/"));
        } catch (SqlError e) {
            return false;
        }
    }

    /** The newest FULL set with MIN_RESTORE_SCN <= target and the INC sets after it that chain on. */
    private List<BackupSetFile> chain(List<BackupSetFile> sets, long target) throws SqlError {
        if (sets.isEmpty()) {
            throw Errors.restoreSourceNotEnough(cluster, "no backup set is available");
        }
        List<BackupSetFile> fulls = sets.stream().filter(s -> s.backupType().equals("FULL")).toList();
        if (fulls.isEmpty()) {
            throw Errors.restoreSourceNotEnough(cluster, "no full backup set exists");
        }
        List<BackupSetFile> chain = new ArrayList<>();
        for (BackupSetFile set : sets) {
            if (set.minRestoreScn() > target) {
                continue;
            }
            if (set.backupType().equals("FULL")) {
                chain.clear();
                chain.add(set);
            } else if (!chain.isEmpty() && set.prevFullBackupSetId() == chain.get(0).backupSetId()) {
                chain.add(set);
            }
        }
        if (chain.isEmpty()) {
            long earliest = fulls.stream().mapToLong(BackupSetFile::minRestoreScn).min().orElseThrow();
            throw Errors.restoreSourceNotEnough(cluster,
                    "no full backup set can be used to restore to given time, minimum restorable time is " + shown(earliest));
        }
        return chain;
    }

    private static void checkPasswords(List<BackupSetFile> chain, List<String> passwords) throws SqlError {
        for (BackupSetFile set : chain) {
            if (set.encryptionMode().equals("PASSWORD")
                    && passwords.stream().noneMatch(p -> BackupEngine.passwd(p).equals(set.passwd()))) {
                throw Errors.invalidBackupPassword();
            }
        }
    }

    /** The pieces from the set's START_REPLAY_SCN to the target, contiguous (spec section 3). */
    private List<ArchivePiece> pieces(List<ArchivePiece> pieces, BackupSetFile set, long target) throws SqlError {
        long start = set.startReplayScn();
        if (pieces.isEmpty()) {
            // data only: a set taken PLUS ARCHIVELOG carries the log up to its MIN_RESTORE_SCN
            if (set.plusArchivelog() && target <= set.minRestoreScn()) {
                return List.of();
            }
            throw Errors.restoreSourceNotEnough(cluster, "No enough log for restore");
        }
        List<ArchivePiece> chain = new ArrayList<>();
        for (ArchivePiece piece : pieces) {
            if (piece.endScn() <= start) {
                continue;
            }
            if (chain.isEmpty()) {
                if (piece.startScn() <= start) {
                    chain.add(piece);
                }
            } else if (chain.get(chain.size() - 1).endScn() == piece.startScn()) {
                chain.add(piece);
            } else {
                break;
            }
        }
        if (chain.isEmpty()) {
            throw Errors.restoreSourceNotEnough(cluster, "no usable log pieces");
        }
        long reach = chain.get(chain.size() - 1).checkpointScn();
        if (reach < target) {
            throw Errors.restoreSourceNotEnough(cluster, "no enough log, maximum restorable time is " + shown(reach));
        }
        return chain;
    }

    private String shown(long scn) {
        Instant at = Instant.ofEpochSecond(scn / 1_000_000_000L, scn % 1_000_000_000L);
        return SHOWN.format(ViewCatalog.time(cluster, at));
    }

    // ---- running

    java.util.Optional<RestoreJob> find(long jobId) {
        return jobs.stream().filter(j -> j.jobId() == jobId).findFirst();
    }

    RestoreJob job(long jobId) {
        return jobs.stream().filter(j -> j.jobId() == jobId).findFirst().orElseThrow();
    }

    /** Creates tenants and ends jobs whose moment has come, in the order they came. */
    void advance(Instant now) {
        for (int i = 0; i < jobs.size(); i++) {
            RestoreJob job = jobs.get(i);
            if (!job.running()) {
                continue;
            }
            if (!job.tenantCreated() && !now.isBefore(job.createdAt())) {
                job = createTenant(job);
            }
            if (job.failAt() != null && !now.isBefore(job.failAt())) {
                job = job.ended("FAIL", job.failAt(), job.failure());
                cluster.unsaved = true;
            } else if (job.tenantCreated() && !now.isBefore(job.successAt())) {
                Tenant tenant = cluster.tenant(job.tenantId());
                tenant.status = "NORMAL";
                tenant.role = "STANDBY";
                job = job.ended("SUCCESS", job.successAt(), "");
                cluster.unsaved = true;
            }
            jobs.set(i, job);
        }
    }

    private RestoreJob createTenant(RestoreJob job) {
        // what the backup holds: its sets' bytes, in the backed-up tenant's mode (which may live on another cluster)
        Tenant meta = new Tenant(job.tenantId() - 1, "META$" + job.tenantId(), Tenant.Type.META, "MYSQL",
                job.createdAt(), 1L << 29, 300);
        Tenant tenant = new Tenant(job.tenantId(), job.tenantName(), Tenant.Type.USER,
                job.backupMode() == null ? "MYSQL" : job.backupMode(), job.createdAt(), job.totalBytes(), job.tabletCount());
        tenant.status = "RESTORE";
        tenant.role = "RESTORE";
        cluster.tenants.add(meta);
        cluster.tenants.add(tenant);
        cluster.resources.grant(job.pools(), tenant.id, job.createdAt());
        cluster.unsaved = true;
        return job.created();
    }

    /** See {@link Engine#forgetRestores()}. */
    void forget() {
        java.util.Set<Long> restored = new java.util.HashSet<>();
        for (RestoreJob job : jobs) {
            if (job.tenantCreated()) {
                restored.add(job.tenantId());
                restored.add(job.tenantId() - 1);
            }
        }
        cluster.tenants.removeIf(t -> restored.contains(t.id));
        cluster.resources.pools.removeIf(p -> p.tenantId() == null || restored.contains(p.tenantId()));
        cluster.resources.units.removeIf(u -> cluster.resources.pools.stream().noneMatch(p -> p.unitConfigId() == u.id()));
        jobs.clear();
        nextFailure = null;
        cluster.unsaved = true;
    }

    // ---- cancel and activate

    /** CANCEL RESTORE: drops the restoring tenant at once and keeps its pools (spec 1.3). */
    void cancel(String name) throws SqlError {
        if (!cluster.versionAtLeast("4.2.0")) {
            throw Errors.cancelRestoreNotSupported();
        }
        Tenant tenant = cluster.tenant(name).filter(Tenant::isUser).orElseThrow(() -> Errors.tenantNotExist(name));
        if (!tenant.status.equals("RESTORE")) {
            throw Errors.dropTenantNotInRestore();
        }
        Instant now = cluster.now();
        jobs.replaceAll(j -> j.running() && j.tenantId() == tenant.id ? j.ended("FAIL", now, CANCELED_COMMENT) : j);
        cluster.tenants.removeIf(t -> t.id == tenant.id || t.id == tenant.id - 1);
        cluster.resources.release(tenant.id, now);
    }

    /**
     * DROP TENANT: FORCE removes the user tenant (and its meta tenant) at once, ending a restore still
     * running into it, and keeps its pools, which become free; without FORCE the tenant is DROPPING.
     */
    void drop(Statement.DropTenant drop) throws SqlError {
        java.util.Optional<Tenant> found = cluster.tenant(drop.tenant()).filter(Tenant::isUser);
        if (found.isEmpty()) {
            if (drop.ifExists()) {
                return;
            }
            throw Errors.tenantNotExist(drop.tenant());
        }
        Tenant tenant = found.get();
        Instant now = cluster.now();
        if (!drop.force()) {
            tenant.status = "DROPPING";
            return;
        }
        jobs.replaceAll(j -> j.running() && j.tenantId() == tenant.id ? j.ended("FAIL", now, CANCELED_COMMENT) : j);
        // a user tenant's meta tenant has the id before it
        cluster.tenants.removeIf(t -> t.id == tenant.id || t.id == tenant.id - 1 && t.type == Tenant.Type.META);
        cluster.resources.release(tenant.id, now);
    }

    /** ACTIVATE STANDBY: a restored (STANDBY) tenant becomes PRIMARY; VERIFY only checks. */
    void activate(Tenant caller, Statement.ActivateStandby activate) throws SqlError {
        Tenant tenant;
        if (caller.isUser()) {
            if (activate.tenant() != null && !activate.tenant().equalsIgnoreCase(caller.name)) {
                throw Errors.noAlterSystem();
            }
            tenant = caller;
        } else {
            if (activate.tenant() == null) {
                throw Errors.notSupported();
            }
            tenant = cluster.tenant(activate.tenant()).filter(Tenant::isUser)
                    .orElseThrow(() -> Errors.tenantNotExist(activate.tenant()));
        }
        if (!tenant.role.equals("STANDBY")) {
            throw Errors.activateNotStandby();
        }
        boolean quick = jobs.stream().anyMatch(j -> j.tenantId() == tenant.id && j.restoreType().equals("QUICK"));
        if (quick) {
            throw Errors.activateQuickRestored();
        }
        if (!activate.verify()) {
            tenant.role = "PRIMARY";
        }
    }
}

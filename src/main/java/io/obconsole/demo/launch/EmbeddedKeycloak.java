package io.obconsole.demo.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The real Keycloak server (the keycloak-quarkus-dist from Maven Central) run as a child process
 * with the demo realm imported, so sign-in in the demo and the tests is the genuine OIDC flow.
 */
public final class EmbeddedKeycloak {

    private static final Logger LOG = Logger.getLogger(EmbeddedKeycloak.class);
    static final String REALM = "obconsole";

    private final EmbeddedConfig.Keycloak config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    EmbeddedKeycloak(EmbeddedConfig.Keycloak config) {
        this.config = config;
    }

    public String realmUrl() {
        return "http://localhost:" + config.port() + "/realms/" + REALM;
    }

    /** Starts Keycloak unless one already serves the realm on the port, and waits until it does. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        if (servesRealm()) {
            LOG.infof("Keycloak already serves realm %s on port %d; using it", REALM, config.port());
            return;
        }
        Path home = home();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of(config.realmFile()), imports.resolve(REALM + "-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            // Keycloak imports <realm>-users-<n>.json after the realm; none is left from a start with other people
            try (Stream<Path> stale = Files.list(imports)) {
                for (Path file : stale.filter(f -> f.getFileName().toString().startsWith(REALM + "-users-")).toList()) {
                    Files.delete(file);
                }
            }
            List<String> users = config.usersFiles().orElse(List.of());
            for (int i = 0; i < users.size(); i++) {
                Files.copy(Path.of(users.get(i)), imports.resolve(REALM + "-users-" + i + ".json"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = home.resolve("keycloak-" + config.port() + ".log");
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + config.port(), "--db=dev-mem", "--import-realm",
                    // one issuer whatever name a client used (127.0.0.1 or localhost): the console
                    // accepts a token only from the issuer it discovered
                    "--hostname=http://localhost:" + config.port(),
                    "--http-management-port=" + (config.port() + 10000)));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx" + config.maxHeap());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            LOG.infof("Starting Keycloak on port %d (log: %s)", config.port(), log);
            process = builder.start();
            awaitRealm(log);
            LOG.infof("Keycloak ready: %s (admin console admin/admin)", realmUrl());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak from " + home + ": " + e.getMessage(), e);
        }
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        // kc.sh starts the JVM as a child: stop the whole tree
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process = null;
    }

    private void awaitRealm(Path log) {
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (servesRealm()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + "; see " + log);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within "
                + config.startTimeout() + "; see " + log);
    }

    private boolean servesRealm() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path home() {
        Path base = Path.of(config.home().orElse("target/keycloak")).toAbsolutePath();
        if (Files.isExecutable(base.resolve("bin/kc.sh"))) {
            return base;
        }
        try (Stream<Path> children = Files.list(base)) {
            return children.filter(p -> Files.isExecutable(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> missing(base));
        } catch (IOException e) {
            throw missing(base);
        }
    }

    private static IllegalStateException missing(Path base) {
        return new IllegalStateException("No Keycloak distribution under " + base
                + ": run the console through ./mvnw (it unpacks org.keycloak:keycloak-quarkus-dist there)");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}

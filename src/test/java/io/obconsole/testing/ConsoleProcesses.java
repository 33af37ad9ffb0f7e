package io.obconsole.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The console as a team deploys it, in processes of their own: the embedded services (audit
 * MariaDB, demo fleet, Keycloak) in one JVM, packaged consoles ({@code target/quarkus-app}) with the
 * dev profile against them, and HAProxy (Debian's) in front, as docs/bench/packaged.sh starts them.
 * The consoles share what instances must share: the OIDC cookie secrets and the CSRF key. Ports
 * come from the {@code OBC_IT_*} environment variables, so the surefire suite's never collide.
 */
public final class ConsoleProcesses implements AutoCloseable {

    public static final int PROXY_PORT = port("OBC_IT_PROXY_PORT", 8085);
    public static final int KEYCLOAK_PORT = port("OBC_IT_KEYCLOAK_PORT", 8185);
    public static final int AUDIT_DB_PORT = port("OBC_IT_AUDIT_DB_PORT", 3318);
    public static final int DEMO_PORT = port("OBC_IT_DEMO_PORT", 2941);

    /** The proxy's cookie naming the instance a browser stays on. */
    public static final String STICKY_COOKIE = "OBC_INSTANCE";

    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path work;
    private final Map<String, String> shared;
    private final List<Process> all = new ArrayList<>();
    private Process services;
    private Process proxy;

    /** One console instance: its name, process, HTTP and management ports. */
    public record Console(String name, Process process, int port, int managementPort) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    public ConsoleProcesses(Path work) throws IOException {
        this.work = work.toAbsolutePath();
        deleteTree(this.work);
        Files.createDirectories(this.work);
        SecureRandom random = new SecureRandom();
        shared = Map.of(
                // the session cookie's token encryption and the PKCE state cookie: one instance reads what the other wrote
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", secret(random),
                "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", secret(random),
                // a form rendered by one instance is posted to the other
                "CONSOLE_WEB_CSRF_KEY", secret(random));
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A port from an environment variable, or the fallback. */
    public static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    public Path work() {
        return work;
    }

    /** Starts the services' JVM and waits for {@code EMBEDDED-SERVICES-READY}. */
    public void startServices(String... javaOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx320m",
                "-Dconsole.embedded.keycloak.home=" + System.getProperty("console.embedded.keycloak.home", "target/keycloak"),
                "-Dconsole.embedded.keycloak.port=" + KEYCLOAK_PORT,
                "-Dconsole.embedded.audit-db.port=" + AUDIT_DB_PORT,
                "-Dconsole.embedded.audit-db.data-dir=" + work.resolve("audit-db"),
                "-Dconsole.embedded.audit-db.fresh=true",
                "-Dconsole.embedded.demo.port=" + DEMO_PORT,
                "-Dconsole.embedded.demo.state-file=" + work.resolve("demo/demo-cluster.json"),
                "-Dconsole.embedded.demo.fresh=true"));
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("-cp", "target/demo-classes" + java.io.File.pathSeparator + testClasspath(),
                "io.obconsole.demo.launch.EmbeddedServicesMain", fleetProperties().toString()));
        Path log = work.resolve("services.log");
        services = start(command, Map.of(), log);
        await("the embedded services").atMost(START_LIMIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!services.isAlive()) {
                throw new IllegalStateException("the embedded services stopped, see " + log);
            }
            return Files.readString(log).contains("EMBEDDED-SERVICES-READY");
        });
    }

    /** The console's cluster entries for the demo fleet, written by the services. */
    private Path fleetProperties() {
        return work.resolve("demo-fleet.properties");
    }

    /** Starts a packaged console; {@link #awaitReady} waits until it is ready. */
    public Console startConsole(String name, int port, int managementPort, String... javaOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.profile=dev", "-Dconsole.embedded.enabled=false",
                "-Dquarkus.config.locations=" + fleetProperties(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dconsole.embedded.keycloak.port=" + KEYCLOAK_PORT,
                "-Dconsole.embedded.audit-db.port=" + AUDIT_DB_PORT,
                // behind the proxy: the address the browser used (Keycloak's redirect URIs) comes from its headers
                "-Dquarkus.http.proxy.proxy-address-forwarding=true", "-Dquarkus.http.proxy.allow-x-forwarded=true",
                "-Dquarkus.http.proxy.enable-forwarded-host=true",
                "-Dconsole.drills.instance-name=" + name, "-Dconsole.alerts.instance-name=" + name));
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = work.resolve(name + ".log");
        return new Console(name, start(command, shared, log), port, managementPort);
    }

    /** Waits until the console's readiness check answers UP; fails at once if it stopped. */
    public void awaitReady(Console console) {
        await("console " + console.name() + " ready").atMost(START_LIMIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!console.process().isAlive()) {
                throw new IllegalStateException("console " + console.name() + " stopped, see " + work.resolve(console.name() + ".log"));
            }
            return ready(console);
        });
    }

    /** True when the console's readiness check answers 200. */
    public static boolean ready(Console console) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.managementPort() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts HAProxy in front of the consoles as docker/haproxy/haproxy.cfg does: round robin, a
     * person kept on one instance by the {@value #STICKY_COOKIE} cookie (a backup's confirmation
     * lives in the memory of the instance that showed it) and moved to the other when that one
     * fails its readiness check, WebSocket upgrades passed through. It logs each request as it is
     * answered ({@code <backend>/<server> <status> <method> <path>}) to proxy.log.
     */
    public void startProxy(List<Console> consoles) throws IOException {
        StringBuilder cfg = new StringBuilder("""
                global
                  log stdout format raw local0
                defaults
                  mode http
                  log global
                  option logasap
                  log-format "%b/%s %ST %HM %HU"
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 1h
                frontend console
                """);
        cfg.append("  bind 127.0.0.1:").append(PROXY_PORT).append('\n');
        cfg.append("""
                  option forwardfor
                  http-request set-header X-Forwarded-Proto http
                  http-request set-header X-Forwarded-Host %[req.hdr(host)]
                  default_backend consoles
                backend consoles
                  balance roundrobin
                  cookie OBC_INSTANCE insert indirect nocache httponly
                  option redispatch
                  retries 2
                  option httpchk GET /q/health/ready
                  http-check expect status 200
                """);
        for (Console c : consoles) {
            cfg.append("  server ").append(c.name()).append(" 127.0.0.1:").append(c.port()).append(" check port ")
                    .append(c.managementPort()).append(" inter 1s fall 2 rise 1 cookie ").append(c.name()).append('\n');
        }
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, cfg);
        proxy = start(List.of(haproxy(), "-db", "-f", file.toString()), Map.of(), work.resolve("proxy.log"));
        await("the proxy").atMost(Duration.ofSeconds(30)).until(() -> {
            if (!proxy.isAlive()) {
                throw new IllegalStateException("HAProxy stopped, see " + work.resolve("proxy.log"));
            }
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(proxyUrl() + "/q/health")).build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
            } catch (IOException e) {
                return false;
            }
        });
    }

    public static String proxyUrl() {
        return "http://localhost:" + PROXY_PORT;
    }

    /** The proxy's log lines so far ({@code consoles/<server> <status> <method> <path>}). */
    public List<String> proxyLog() throws IOException {
        return Files.readAllLines(work.resolve("proxy.log"));
    }

    /** SIGKILL, as an orchestrator's OOM kill or a lost machine: nothing runs on the way out. */
    public static void kill(Console console) throws InterruptedException {
        console.process().destroyForcibly();
        console.process().waitFor();
    }

    private Process start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        all.add(process);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String haproxy() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("HAProxy not found (install it: apt-get install haproxy)");
    }

    /** The test classpath as Failsafe hands it to this JVM (target/classes here holds no demo: it is in target/demo-classes). */
    private static String testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path");
        return classpath == null || classpath.isBlank() ? System.getProperty("java.class.path") : classpath;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops everything started here, newest first; the services get SIGTERM (they stop MariaDB and Keycloak on their way out). */
    @Override
    public void close() throws InterruptedException {
        for (int i = all.size() - 1; i >= 0; i--) {
            Process process = all.get(i);
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}

package io.obconsole.demo.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real mariadb command-line client (an operator's first tool) against the demo cluster. */
class MariadbCliTest {

    private static final String CLI = "/usr/bin/mariadb";

    private FakeCluster cluster;
    private MySqlServer server;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assertThat(new File(CLI).canExecute())
                .as("the mariadb client must be installed at " + CLI + " (Debian package mariadb-client)").isTrue();
        cluster = new FakeCluster();
        server = new MySqlServer(cluster, new MySqlServer.Options("127.0.0.1", 0, FakeCluster.VERSION, 0));
        server.addStatementListener((account, sql) -> statements.add(sql));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CLI, "--no-defaults", "-h", "127.0.0.1",
                "-P", String.valueOf(server.port()), "--skip-ssl", "--connect-timeout=5"));
        command.addAll(List.of(args));
        return exec(command, stdin);
    }

    private static Run exec(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("client did not finish: " + command);
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void executesAQuery() throws Exception {
        Run r = run(null, "-u", "root@sys", "-ppassword", "-e", "SELECT 1");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("1\n1\n");
    }

    @Test
    void rendersTypesInBatchMode() throws Exception {
        Run r = run(null, "-u", "root@sys", "-ppassword", "-B", "-e", "SELECT types");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().split("\n")).containsExactly(
                "id\tn\tamount\tratio\tname\tnote\tcreated\tended\tnothing",
                "42\t7\t12345.678\t0.25\théllo ✓\ta long text\t2024-01-02 03:04:05.123456\t2024-01-02 04:00:00\tNULL",
                "-1\tNULL\t0.500\t10000000000\t\t\tNULL\tNULL\tNULL");
    }

    @Test
    void showsTheServerError() throws Exception {
        Run r = run(null, "-u", "root@sys", "-ppassword", "-e", "ALTER SYSTEM BACKUP DATABASE");
        assertThat(r.exit()).isEqualTo(1);
        // Without a terminal the CLI echoes the failing statement between dashes first.
        assertThat(r.err().strip()).endsWith("\nERROR 9040 (HY000) at line 1: backup can not start");
    }

    @Test
    void wrongPasswordIsAccessDenied() throws Exception {
        Run r = run(null, "-u", "root@sys", "-pnope", "-e", "SELECT 1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo("ERROR 1045 (28000): Access denied for user 'root'@'127.0.0.1' (using password: YES)");
    }

    @Test
    void scriptOnStdinWithSchemaAndUse() throws Exception {
        Run r = run("SELECT database();\nuse other\nSELECT database();\nALTER SYSTEM CANCEL BACKUP;\nSELECT 1;\n",
                "-u", "root@sys", "-ppassword", "oceanbase");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("database()\noceanbase\ndatabase()\nother\n1\n1\n");
    }

    @Test
    void asksForAnotherPluginAndIsSwitchedToNativePassword() throws Exception {
        Run r = run(null, "-u", "root@sys", "-ppassword", "--default-auth=caching_sha2_password", "-e", "SELECT 1");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("1\n1\n");
    }

    /**
     * Interactive mode (a terminal via script(1)) runs the connect-time queries and, without -A,
     * reads table names and sends COM_FIELD_LIST for completion; none of that may break the session.
     */
    @Test
    void interactiveSessionWithNameCompletion() throws Exception {
        File script = new File("/usr/bin/script");
        assertThat(script.canExecute()).as("script(1) (util-linux/bsdutils) is needed to give the CLI a terminal")
                .isTrue();
        String cli = String.join(" ", CLI, "--no-defaults", "-h", "127.0.0.1", "-P", String.valueOf(server.port()),
                "--skip-ssl", "-u", "root@sys", "-ppassword", "oceanbase");
        Run r = exec(List.of(script.getPath(), "-qec", cli, "/dev/null"), "SELECT 1;\nquit\n");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Server version: " + FakeCluster.VERSION).contains("|    1 |")
                .contains("Reading table information for completion");
        assertThat(statements).contains("select @@version_comment limit 1", "show databases", "show tables", "SELECT 1");
        await().atMost(Duration.ofSeconds(5)).until(() -> cluster.closedSessions() == 1);
    }
}

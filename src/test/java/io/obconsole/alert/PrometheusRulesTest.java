package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules in {@code docker/prometheus/} are valid and do what their unit tests
 * say, checked by Prometheus' own {@code promtool} (Debian's {@code prometheus} package). Required
 * when {@code CI=true}; skipped with a message elsewhere when promtool is missing.
 */
class PrometheusRulesTest {

    static final Path RULES_DIR = Path.of("docker/prometheus");
    private static final Path PROMTOOL = Path.of(System.getenv().getOrDefault("OBC_PROMTOOL", "/usr/bin/promtool"));

    @Test
    void rulesPassTheirPromtoolUnitTests() throws Exception {
        Result result = promtool("test", "rules", "obconsole-rules.test.yml");
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("SUCCESS");
    }

    @Test
    void rulesAndThePrometheusConfigOfTheComposeFileAreValid() throws Exception {
        Result rules = promtool("check", "rules", "obconsole-rules.yml");
        assertThat(rules.exit).as(rules.output).isZero();
        assertThat(rules.output).contains("9 rules found");
        Result config = promtool("check", "config", "prometheus.yml");
        assertThat(config.exit).as(config.output).isZero();
    }

    @Test
    void everyAlertHasARunbookLinkToTheConsole() throws IOException {
        String rules = Files.readString(RULES_DIR.resolve("obconsole-rules.yml"));
        long alerts = rules.lines().filter(l -> l.trim().startsWith("- alert:")).count();
        long runbooks = rules.lines().filter(l -> l.trim().startsWith("runbook_url: \"{{ $externalLabels.console_url }}"))
                .count();
        assertThat(alerts).isEqualTo(9);
        assertThat(runbooks).isEqualTo(alerts);
    }

    private record Result(int exit, String output) {
    }

    private static Result promtool(String... args) throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            String message = "promtool not found at " + PROMTOOL + " (install it: apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; the rule tests are required in CI");
            }
            Assumptions.abort(message + "; rule tests skipped");
        }
        List<String> command = new java.util.ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}

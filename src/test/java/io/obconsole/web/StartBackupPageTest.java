package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The start form's confirmation step against the demo cluster: what it shows is what then runs. */
@QuarkusTest
class StartBackupPageTest {

    private static final Pattern STATEMENTS = Pattern.compile("(?s)<pre class=\"statements\" id=\"statements\">(.*?)</pre>");

    @BeforeEach
    void idleCluster() {
        Demo.reset();
    }

    @AfterEach
    void putConcurrencyBack() {
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(120);
        Demo.cluster().control().setThreadScore("mysql_tenant", 0);
    }

    private static List<String> changesReceived() {
        return Demo.cluster().control().statementsReceived().stream()
                .filter(sql -> sql.startsWith("ALTER SYSTEM") || sql.startsWith("SET ENCRYPTION")).toList();
    }

    /** The statements of the confirmation page, one per line as shown, without the closing semicolon. */
    private static List<String> shownStatements(String page) {
        Matcher pre = STATEMENTS.matcher(page);
        assertThat(pre.find()).as("the confirmation page lists statements").isTrue();
        return Arrays.stream(pre.group(1).split("\n")).filter(line -> !line.isBlank())
                .map(line -> line.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"))
                .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line).toList();
    }

    @Test
    void theConfirmationPageShowsExactlyTheStatementsTheClusterThenReceivesWithThePasswordMasked() {
        String password = "C0nfirm'd-pw";
        WebSession otto = WebSession.signIn("otto");
        otto.open("/backups/new");
        Response review = otto.post("/backups/review", Map.of("cluster", "demo", "tenants", "mysql_tenant", "type", "FULL",
                "concurrency", "9", "password", password, "passwordConfirmation", password, "plusArchivelog", "true",
                "description", "what you see is what runs"));
        assertThat(review.statusCode()).as(review.asString()).isEqualTo(303);
        String reviewPath = WebSession.pathOf(WebSession.location(review));
        String reviewPage = otto.get(reviewPath).asString();
        List<String> shown = shownStatements(reviewPage);
        assertThat(reviewPage).doesNotContain("C0nfirm");
        assertThat(changesReceived()).as("nothing runs before the confirmation").isEmpty();

        Response started = otto.post(reviewPath + "/confirm", Map.of());

        assertThat(started.statusCode()).as(started.asString()).isEqualTo(303);
        List<String> received = changesReceived();
        assertThat(received).as("the cluster gets the real password").contains(
                "SET ENCRYPTION ON IDENTIFIED BY 'C0nfirm''d-pw' ONLY");
        assertThat(received.stream().map(sql -> sql.replace("'C0nfirm''d-pw'", "'***'")).toList())
                .isEqualTo(shown)
                .containsExactly("ALTER SYSTEM SET ha_low_thread_score = 9 TENANT = mysql_tenant",
                        "SET ENCRYPTION ON IDENTIFIED BY '***' ONLY",
                        "ALTER SYSTEM BACKUP TENANT = mysql_tenant PLUS ARCHIVELOG DESCRIPTION = 'what you see is what runs'");
    }
}

package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant page after real backups on the demo cluster: its backup sets as the cluster's view
 * holds them, in human units, the chart of their durations and sizes, and who may see it.
 */
@QuarkusTest
class TenantPageTest {

    private static final String MYSQL_TENANT_PAGE = "/clusters/demo/tenants/mysql_tenant";

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    /** mysql_tenant's sets as the demo's CDB_OB_BACKUP_SET_FILES holds them, newest first. */
    private static List<Map<String, Object>> setsInTheView() {
        return Demo.query("SELECT BACKUP_SET_ID, BACKUP_TYPE, STATUS, INPUT_BYTES, OUTPUT_BYTES, ELAPSED_SECONDES, "
                + "PREV_FULL_BACKUP_SET_ID, RESULT, COMMENT FROM oceanbase.CDB_OB_BACKUP_SET_FILES "
                + "WHERE TENANT_ID = 1002 ORDER BY BACKUP_SET_ID DESC");
    }

    /** The table row of one backup set on the page. */
    private static String setRow(String page, Object id) {
        Matcher row = Pattern.compile("(?s)<tr id=\"set-" + id + "\">(.*?)</tr>").matcher(page);
        assertThat(row.find()).as("row of set %s on the page", id).isTrue();
        return row.group(1);
    }

    private static long bytes(Map<String, Object> set, String column) {
        return Long.parseLong((String) set.get(column));
    }

    @Test
    void backupSetsShowWithTheirSizesChainAndFailureAsTheClusterHoldsThem() {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant DESCRIPTION = 'tenant page full'");
        Demo.clock().advanceSeconds(300);
        Demo.sql("ALTER SYSTEM BACKUP INCREMENTAL TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        Demo.cluster().control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        Demo.fleetRead();

        String page = WebSession.signIn("otto").open(MYSQL_TENANT_PAGE).asString();

        List<Map<String, Object>> sets = setsInTheView();
        Map<String, Object> failed = sets.get(0);
        Map<String, Object> inc = sets.get(1);
        Map<String, Object> full = sets.get(2);
        assertThat(List.of(failed.get("STATUS"), inc.get("BACKUP_TYPE"), full.get("BACKUP_TYPE")))
                .containsExactly("FAILED", "INC", "FULL");
        assertThat(page).contains("Backup sets");
        assertThat(setRow(page, failed.get("BACKUP_SET_ID"))).contains("Failed").contains("files incomplete")
                .contains("Failed: OceanBase error -9070").contains("can not connect to backup destination")
                .contains("could not reach the backup destination");
        assertThat(setRow(page, inc.get("BACKUP_SET_ID"))).contains("INCREMENTAL").contains("Succeeded")
                .contains("files available").contains("FULL #" + inc.get("PREV_FULL_BACKUP_SET_ID"))
                .contains(Formats.bytes(bytes(inc, "OUTPUT_BYTES"))).contains(Formats.bytes(bytes(inc, "INPUT_BYTES")));
        assertThat(inc.get("PREV_FULL_BACKUP_SET_ID")).isEqualTo(full.get("BACKUP_SET_ID"));
        List<Map<String, Object>> shown = sets.subList(0, Math.min(30, sets.size()));
        for (Map<String, Object> set : shown) {
            long output = bytes(set, "OUTPUT_BYTES");
            if ("SUCCESS".equals(set.get("STATUS"))) {
                assertThat(output).as("set %s wrote something", set.get("BACKUP_SET_ID")).isPositive();
            }
            assertThat(setRow(page, set.get("BACKUP_SET_ID"))).contains("#" + set.get("BACKUP_SET_ID"))
                    .contains("<td data-field=\"output-bytes\">" + Formats.bytes(output) + "</td>")
                    .contains("<td data-field=\"duration\">"
                            + Formats.human(java.time.Duration.ofSeconds(bytes(set, "ELAPSED_SECONDES"))) + "</td>");
        }

        long largest = shown.stream().mapToLong(set -> bytes(set, "OUTPUT_BYTES")).max().orElseThrow();
        long longest = shown.stream().mapToLong(set -> bytes(set, "ELAPSED_SECONDES")).max().orElseThrow();
        assertThat(page.split("<rect class=\"bar ", -1)).hasSize(shown.size() + 1);
        long withSize = shown.stream().filter(set -> bytes(set, "OUTPUT_BYTES") > 0).count();
        assertThat(page.split("<circle class=\"size\"", -1)).hasSize((int) withSize + 1);
        assertThat(page).contains("<rect class=\"bar failed\"")
                .contains("The last " + shown.size() + " backup sets along their start time (UTC)")
                .contains("(longest: " + Formats.human(java.time.Duration.ofSeconds(longest)) + ")")
                .contains("(largest: " + Formats.bytes(largest) + ")");
    }

    @Test
    void ottoIsRefusedTheTenantPageOfOracleTenantWhichVeraSees() {
        Response refused = WebSession.signIn("otto").get("/clusters/demo/tenants/oracle_tenant");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("You are not allowed").doesNotContain("Backup sets");
        assertThat(WebSession.signIn("vera").open("/clusters/demo/tenants/oracle_tenant").asString())
                .contains("oracle_tenant on demo").contains("Backup sets");
    }

    @Test
    void anUnreachableClusterStillRendersTheTenantPageWithTheReason() {
        WebSession otto = WebSession.signIn("otto");
        Demo.cluster().control().refuseConnections();
        try {
            Demo.fleetRead();
            Response page = otto.open(MYSQL_TENANT_PAGE);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("id=\"cluster-unreachable\"").contains("Unreachable: ")
                    .contains("mysql_tenant on demo")
                    .as("what was read before is shown as such, not as the present")
                    .contains("showing what was read before").contains("Backup sets");
        } finally {
            Demo.cluster().control().recover();
            Demo.fleetRead();
        }
    }

    /** Each row of the tenant page's job history: its status attribute and the word its Status cell shows. */
    private static List<Map.Entry<String, String>> historyStatusWords(String page) {
        return history(page, "<span class=\"status [^\"]*\">(.*?)</span>");
    }

    /** Each row of the tenant page's job history: its status attribute and the text of its Result cell. */
    private static List<Map.Entry<String, String>> historyResults(String page) {
        return history(page, "<td data-field=\"result\">(.*?)</td>");
    }

    /** Each row of the job history: its status attribute and the text of the first part {@code cell} matches in it. */
    private static List<Map.Entry<String, String>> history(String page, String cell) {
        Matcher table = Pattern.compile("(?s)<table class=\"jobs\" id=\"job-history\">(.*?)</table>").matcher(page);
        assertThat(table.find()).as("the job history").isTrue();
        Matcher row = Pattern.compile("(?s)<tr [^>]*data-status=\"([A-Z]+)\"[^>]*>.*?" + cell).matcher(table.group(1));
        List<Map.Entry<String, String>> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(Map.entry(row.group(1), row.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()));
        }
        return rows;
    }

    @Test
    void everyEndedJobSaysWhatItEndedWithAndACancellationReadsAsItsSetDoes() {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(300);
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(10);
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(60);
        Demo.fleetRead();

        String page = WebSession.signIn("otto").open(MYSQL_TENANT_PAGE).asString();

        List<Map.Entry<String, String>> history = historyResults(page);
        assertThat(history).extracting(Map.Entry::getKey).contains("COMPLETED", "CANCELED");
        assertThat(history).allSatisfy(row -> assertThat(row.getValue()).as("Result of a %s job", row.getKey()).isNotEmpty());
        assertThat(history).filteredOn(row -> row.getKey().equals("COMPLETED")).extracting(Map.Entry::getValue)
                .containsOnly("Completed");
        String cancelled = "Cancelled (OceanBase -4072); not a failure.";
        assertThat(history).filteredOn(row -> row.getKey().equals("CANCELED")).extracting(Map.Entry::getValue)
                .containsOnly(cancelled);
        assertThat(historyStatusWords(page)).as("the Status cell words a cancellation as its Result and its set do")
                .contains(Map.entry("CANCELED", "Cancelled"), Map.entry("COMPLETED", "Completed"))
                .noneMatch(row -> row.getValue().equals("CANCELED"));
        Map<String, Object> newestSet = setsInTheView().get(0);
        assertThat(String.valueOf(newestSet.get("RESULT"))).isEqualTo("-4072");
        assertThat(setRow(page, newestSet.get("BACKUP_SET_ID")).replaceAll("<[^>]+>", " ")).contains(cancelled);
    }
}

package io.obconsole.api;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backup;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's findings 2, 5, 6, 9 and 10 as an outside prober met them, each asserting the answer,
 * what reached the cluster and what the audit trail holds.
 */
@QuarkusTest
class SecurityFindingsTest {

    @BeforeEach
    void freshCluster() {
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() {
        ApiFixture.resetCluster();
    }

    private static Response start(String user, String key, Object body) {
        return as(user).header("Idempotency-Key", key).body(body).post("/api/v1/clusters/demo/backups");
    }

    /*
     * At most 20 of a person's refusals are recorded in any minute. The refusals this class counts are
     * of people no other class refuses (the tests' own people, src/test/resources/keycloak): sam
     * (payments-team, like otto), flo (observers, like vera) and pim (platform-ops, like olga); so
     * each refusal of theirs here is recorded exactly once.
     */

    private static List<Map<String, String>> records(String where) {
        return AuditSql.rows("SELECT * FROM audit_record WHERE " + where + " ORDER BY id");
    }

    private static Map<String, Object> withField(Map<String, Object> body, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(name, value);
        return changed;
    }

    // ---- finding 5: refusals are audited, input validated before the intent

    @Test
    void aForbiddenStartIsRecordedAsARefusalAndNothingIsSent() {
        int before = records("outcome = 'REFUSED_FORBIDDEN' AND actor_username = 'sam'").size();
        start("sam", UUID.randomUUID().toString(), backup("FULL", "oracle_tenant")).then().statusCode(403);
        List<Map<String, String>> refusals = records("outcome = 'REFUSED_FORBIDDEN' AND actor_username = 'sam'");
        assertThat(refusals).as("the forbidden start").hasSize(before + 1);
        assertThat(refusals.get(refusals.size() - 1)).containsEntry("action_name", "BACKUP_FULL")
                .containsEntry("tenants", "[\"oracle_tenant\"]");
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void aFloodOfRefusalsCannotFillTheTrail() {
        long before = records("actor_username = 'flo'").size();
        for (int i = 0; i < 40; i++) {
            start("flo", UUID.randomUUID().toString(), backup("FULL", "mysql_tenant")).then().statusCode(403);
        }
        long recorded = records("actor_username = 'flo'").size() - before;
        assertThat(recorded).as("the flood's first 20 refusals are recorded, the rest of that minute not").isEqualTo(20);
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void invalidInputIsRefusedAsSuchBeforeAnyIntentIsRecorded() {
        Map<String, Object> full = backup("FULL", "mysql_tenant");
        List<Map<String, Object>> bodies = List.of(
                withField(full, "description", "first line\nsecond line"),
                withField(withField(full, "encryptionPassword", "p".repeat(129)), "encryptionPasswordConfirmation",
                        "p".repeat(129)),
                withField(full, "description", "x".repeat(70_000)));
        for (Map<String, Object> body : bodies) {
            String key = UUID.randomUUID().toString();
            int refusedBefore = records("outcome = 'REFUSED_INVALID' AND actor_username = 'sam'").size();
            start("sam", key, body).then().statusCode(400).contentType("application/problem+json");
            assertThat(records("idempotency_key = '" + key + "'")).as("no intent without outcome").isEmpty();
            List<Map<String, String>> refusals = records("outcome = 'REFUSED_INVALID' AND actor_username = 'sam'");
            assertThat(refusals).as("the invalid start").hasSize(refusedBefore + 1);
            assertThat(refusals).allSatisfy(r -> assertThat(r.get("action_params")).doesNotContain("ppppp").doesNotContain("xxxxx"));
        }
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void aBodyThatCannotBeParsedAndAnUnknownClusterAreRefusedAndRecordedAsSuch() {
        record Attempt(String path, Map<String, Object> body, int status) {
        }
        Map<String, Object> nullTenant = new java.util.HashMap<>(Map.of("type", "FULL"));
        nullTenant.put("tenants", java.util.Arrays.asList((Object) null));
        List<Attempt> attempts = List.of(
                new Attempt("/api/v1/clusters/demo/backups", nullTenant, 400),
                new Attempt("/api/v1/clusters/demo/backups", Map.of("tenants", List.of("oracle_tenant"), "type", "NIGHTLY"), 400),
                new Attempt("/api/v1/clusters/demo/preflight", Map.of("tenants", List.of("oracle_tenant"), "type", "FULL",
                        "allTenants", true), 400),
                new Attempt("/api/v1/clusters/no-such-cluster/backups", backup("FULL", "oracle_tenant"), 404));
        for (Attempt attempt : attempts) {
            int before = records("outcome = 'REFUSED_INVALID' AND actor_username = 'pim'").size();
            as("pim").header("Idempotency-Key", UUID.randomUUID().toString()).body(attempt.body()).post(attempt.path())
                    .then().statusCode(attempt.status()).contentType("application/problem+json");
            List<Map<String, String>> refusals = records("outcome = 'REFUSED_INVALID' AND actor_username = 'pim'");
            assertThat(refusals).as(attempt.path() + " " + attempt.body()).hasSize(before + 1);
        }
        assertThat(backupsReceived()).isEmpty();
    }

    // ---- finding 6: scope leaks

    @Test
    void aRefusedAllTenantsPreflightNamesNoTenantThePersonMayNotSee() {
        String answer = as("otto").body(Map.of("type", "FULL", "allTenants", true))
                .post("/api/v1/clusters/demo/preflight").then().statusCode(403).extract().asString();
        assertThat(answer).doesNotContain("oracle_tenant").doesNotContain("analytics").contains("every tenant");
    }

    @Test
    void anEditedTenantIndexRowBreaksTheChainCheckAtItsRecord() {
        start("otto", UUID.randomUUID().toString(), backup("FULL", "oracle_tenant")).then().statusCode(403);
        long id = Long.parseLong(records("outcome = 'REFUSED_FORBIDDEN' AND actor_username = 'otto'").stream()
                .reduce((a, b) -> b).orElseThrow().get("id"));
        as("ada").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        // the index rows as written: put back exactly these (a refusal of otto's that a policy on his behalf
        // recorded meanwhile may be the newest, with tenants of its own)
        List<String> written = AuditSql.rows("SELECT tenant_name FROM audit_record_tenant WHERE record_id = " + id)
                .stream().map(r -> r.get("tenant_name")).toList();
        // hide the record from otto's colleagues' view by moving it to another tenant in the index only
        AuditSql.update("DELETE FROM audit_record_tenant WHERE record_id = " + id);
        AuditSql.update("INSERT INTO audit_record_tenant (record_id, tenant_name) VALUES (" + id + ", 'analytics')");
        try {
            as("ada").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("brokenAt", equalTo((int) id));
        } finally {
            AuditSql.update("DELETE FROM audit_record_tenant WHERE record_id = " + id);
            for (String tenant : written) {
                AuditSql.update("INSERT INTO audit_record_tenant (record_id, tenant_name) VALUES (" + id + ", '" + tenant
                        + "')");
            }
        }
        as("ada").get("/api/v1/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    // ---- finding 9: idempotency keys per person; cancel checks the job id

    @Test
    void anotherPersonsIdempotencyKeyIsNeitherReplayedNorRevealed() {
        String key = "shared-" + UUID.randomUUID();
        long ottos = start("otto", key, backup("FULL", "mysql_tenant")).then().statusCode(202).extract().jsonPath()
                .getLong("auditId");
        Demo.clock().advanceSeconds(120);
        Response olgas = start("olga", key, backup("FULL", "oracle_tenant"));
        assertThat(olgas.statusCode()).isEqualTo(202);
        assertThat(olgas.jsonPath().getLong("auditId")).isNotEqualTo(ottos);
        assertThat(olgas.asString()).doesNotContain("mysql_tenant").doesNotContain("otto");
        assertThat(records("idempotency_key = '" + key + "' AND outcome = 'INTENDED'"))
                .extracting(r -> r.get("actor_username")).containsExactly("otto", "olga");
        assertThat(backupsReceived()).hasSize(2);
        // the same person's key again replays that person's own result and starts nothing
        start("otto", key, backup("FULL", "mysql_tenant")).then().statusCode(202).body("auditId",
                equalTo((int) ottos));
        assertThat(backupsReceived()).hasSize(2);
    }

    @Test
    void cancellingAnEndedJobByItsIdCancelsNothingElse() {
        long ended = start("otto", UUID.randomUUID().toString(), backup("FULL", "mysql_tenant")).then().statusCode(202)
                .extract().jsonPath().getLong("jobs[0].jobId");
        Demo.clock().advanceSeconds(120);
        long running = start("otto", UUID.randomUUID().toString(), backup("INCREMENTAL", "mysql_tenant")).then()
                .statusCode(202).extract().jsonPath().getLong("jobs[0].jobId");
        control().resetStatements();

        WebSession otto = WebSession.signIn("otto");
        Response page = otto.post("/jobs/demo/mysql_tenant/" + ended + "/cancel", Map.of("key", UUID.randomUUID().toString()));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.asString()).contains("not running");
        assertThat(control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM CANCEL"));
        assertThat(Demo.query("SELECT STATUS FROM CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1002 AND JOB_ID = " + running))
                .extracting(row -> row.get("STATUS")).hasSize(1).containsAnyOf("INIT", "DOING");
    }

    // ---- finding 10: odd input is a JSON 400, never a 500

    @Test
    void oddInputIsAJson400() {
        as("otto").header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"type\":\"FULL\",\"tenants\":[null]}")
                .post("/api/v1/clusters/demo/backups").then().statusCode(400).contentType("application/problem+json")
                .body("error", equalTo("INVALID_REQUEST"));
        start("otto", "k".repeat(192), backup("FULL", "mysql_tenant")).then().statusCode(400)
                .contentType("application/problem+json");
        as("otto").header("Idempotency-Key", "k".repeat(300)).body(Map.of("tenants", List.of("mysql_tenant")))
                .post("/api/v1/clusters/demo/backups/cancel").then().statusCode(400).contentType("application/problem+json");
        as("otto").body("{\"type\":\"FULL\",\"tenants\":[\"" + "t".repeat(5000) + "\"]}")
                .post("/api/v1/clusters/demo/preflight").then().statusCode(400).contentType("application/problem+json");
        Response webCancel = WebSession.signIn("otto").post("/jobs/demo/mysql_tenant/1/cancel", Map.of("key", "k".repeat(300)));
        assertThat(webCancel.statusCode()).isEqualTo(400);
        assertThat(webCancel.asString()).doesNotContain("Exception");
        assertThat(backupsReceived()).isEmpty();
        assertThat(control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM CANCEL"));
    }
}

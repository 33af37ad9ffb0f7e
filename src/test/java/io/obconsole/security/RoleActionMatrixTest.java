package io.obconsole.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.progress.ProgressClient;
import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role × action matrix over pages, API and socket for the six identities: ada (admin,
 * demo/*), otto (operator, demo/mysql_tenant), vera (viewer, demo/*), olga (operator, demo/*), rita
 * (restore operator, demo/*) and anonymous. An unseen restore source or target answers 404 (HIDDEN). Each row says what every identity gets; a refusal never reaches the cluster.
 */
@QuarkusTest
class RoleActionMatrixTest {

    /** What an identity observes. */
    enum Outcome {
        /** The page, answer or snapshot; for a start or cancel, the action ran. */
        ALLOWED,
        /** 403: signed in but not allowed. */
        REFUSED,
        /** Not signed in: pages send to Keycloak, the API and the socket answer 401. */
        SIGN_IN,
        /** 404 as for something that does not exist: the person may not learn that it does. */
        HIDDEN
    }

    private static final List<String> IDENTITIES = List.of("ada", "otto", "vera", "olga", "rita", "anonymous");
    private static final Map<String, WebSession> SESSIONS = new ConcurrentHashMap<>();

    /** One action on one channel, and what each identity in {@link #IDENTITIES} order must get. */
    record Row(String action, boolean changesCluster, Function<String, Outcome> attempt, Outcome... expected) {
        @Override
        public String toString() {
            return action;
        }
    }

    static Stream<Arguments> matrix() {
        Outcome A = Outcome.ALLOWED;
        Outcome R = Outcome.REFUSED;
        Outcome S = Outcome.SIGN_IN;
        Outcome H = Outcome.HIDDEN;
        List<Row> rows = List.of(
                //                                                                  ada otto vera olga rita anon
                new Row("page: overview", false, who -> page(who, "/"), A, A, A, A, A, S),
                new Row("page: tenant in otto's scope", false, who -> page(who, "/clusters/demo/tenants/mysql_tenant"), A, A, A, A, A, S),
                new Row("page: tenant outside otto's scope", false, who -> page(who, "/clusters/demo/tenants/oracle_tenant"), A, R, A, A, A, S),
                new Row("page: jobs", false, who -> page(who, "/jobs"), A, A, A, A, A, S),
                new Row("page: audit", false, who -> page(who, "/audit"), A, A, A, A, A, S),
                new Row("page: audit chain check", false, who -> page(who, "/audit?verify=true"), A, R, R, R, R, S),
                new Row("page: start form", false, who -> page(who, "/backups/new"), A, A, R, A, R, S),
                new Row("page: start mysql_tenant", true, who -> startByPage(who, Map.of("tenants", "mysql_tenant")), A, A, R, A, R, S),
                new Row("page: start oracle_tenant", true, who -> startByPage(who, Map.of("tenants", "oracle_tenant")), A, R, R, A, R, S),
                new Row("page: start all tenants", true, who -> startByPage(who, Map.of("allTenants", "true")), A, R, R, A, R, S),
                new Row("page: cancel mysql_tenant", true, who -> cancelByPage(who), A, A, R, A, R, S),
                new Row("page: drill policies", false, who -> page(who, "/drills"), A, A, A, A, A, S),
                new Row("page: new drill policy form", false, who -> page(who, "/drills/new"), A, R, R, R, R, S),
                new Row("page: save a drill policy", false, who -> drillPolicyByPage(who, ""), A, R, R, R, R, S),
                new Row("page: pause a drill policy", false, who -> drillPolicyByPage(who, "/pause"), A, R, R, R, R, S),
                new Row("page: delete a drill policy", false, who -> drillPolicyByPage(who, "/delete"), A, R, R, R, R, S),
                new Row("page: sign-out without CSRF token", false, who -> signOutWithoutToken(who), R, R, R, R, R, S),
                new Row("api: clusters", false, who -> api(who, "/api/v1/clusters"), A, A, A, A, A, S),
                new Row("api: tenants of otto's scope only", false, who -> apiTenants(who), A, A, A, A, A, S),
                new Row("api: jobs", false, who -> api(who, "/api/v1/jobs"), A, A, A, A, A, S),
                new Row("api: audit", false, who -> api(who, "/api/v1/audit"), A, A, A, A, A, S),
                new Row("api: audit chain check", false, who -> api(who, "/api/v1/audit/verify"), A, R, R, R, R, S),
                new Row("api: preflight oracle_tenant", false, who -> apiPost(who, "preflight", Map.of("type", "FULL", "tenants", List.of("oracle_tenant"))), A, R, A, A, A, S),
                new Row("api: start mysql_tenant", true, who -> apiPost(who, "backups", Map.of("type", "FULL", "tenants", List.of("mysql_tenant"))), A, A, R, A, R, S),
                new Row("api: start all tenants", true, who -> apiPost(who, "backups", Map.of("type", "FULL", "allTenants", true)), A, R, R, A, R, S),
                new Row("api: cancel mysql_tenant", true, who -> apiCancel(who), A, A, R, A, R, S),
                new Row("api: restore mysql_tenant into demo", true, who -> apiRestore(who), A, H, H, H, A, S),
                new Row("api: restores", false, who -> api(who, "/api/v1/restores"), A, A, A, A, A, S),
                new Row("socket: live progress", false, who -> socket(who), A, A, A, A, A, S));
        List<Arguments> cases = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < IDENTITIES.size(); i++) {
                cases.add(Arguments.of(row, IDENTITIES.get(i), row.expected()[i]));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    static void asTheScenarioStarts() {
        // ada's restore of mysql_tenant is allowed only if no class before left an encrypted set in its way
        io.obconsole.testing.Demo.reset();
    }

    @BeforeEach
    void idleCluster() {
        ClusterChanges.letJobsEnd();
        ClusterChanges.forget();
    }

    @AfterEach
    void leaveItIdle() {
        ClusterChanges.letJobsEnd();
        // a restore's tenant exists after its ten seconds; then the demo forgets what restores made
        io.obconsole.testing.Demo.clock().advanceSeconds(10);
        io.obconsole.testing.Demo.cluster().control().forgetRestores();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void everyIdentityGetsWhatItsRoleAndScopeAllow(Row row, String who, Outcome expected) {
        Outcome observed = row.attempt().apply(who);

        assertThat(observed).isEqualTo(expected);
        if (expected != Outcome.ALLOWED || !row.changesCluster()) {
            assertThat(ClusterChanges.sent()).as("nothing reaches the cluster").isEmpty();
        } else {
            assertThat(ClusterChanges.sent()).as("the action reached the cluster").isNotEmpty();
        }
    }

    // ---- pages

    private static WebSession session(String who) {
        if ("anonymous".equals(who)) {
            return WebSession.anonymous();
        }
        return SESSIONS.computeIfAbsent(who, WebSession::signIn);
    }

    private static Outcome page(String who, String path) {
        return pageOutcome(session(who).get(path));
    }

    private static Outcome pageOutcome(Response response) {
        int status = response.statusCode();
        if (status == 403) {
            return Outcome.REFUSED;
        }
        if (WebSession.isRedirect(response) && WebSession.location(response).contains("/protocol/openid-connect/auth")) {
            return Outcome.SIGN_IN;
        }
        if (status == 200 || status == 303) {
            return Outcome.ALLOWED;
        }
        throw new AssertionError("unexpected HTTP " + status + ": " + response.asString());
    }

    /** The form, its review, and the confirmation: ALLOWED only when a backup was started. */
    private static Outcome startByPage(String who, Map<String, Object> tenants) {
        WebSession session = session(who);
        if ("anonymous".equals(who)) {
            return pageOutcome(session.postWithoutToken("/backups/review", tenants));
        }
        session.get("/");
        Map<String, Object> fields = new java.util.HashMap<>(tenants);
        fields.putAll(Map.of("cluster", "demo", "type", "FULL", "description", "matrix"));
        Response review = session.post("/backups/review", fields);
        if (review.statusCode() != 303) {
            return pageOutcome(review);
        }
        String reviewPath = WebSession.pathOf(WebSession.location(review));
        session.get(reviewPath);
        Response confirmed = session.post(reviewPath + "/confirm", Map.of());
        assertThat(WebSession.location(confirmed)).as("a started backup lands on its job").doesNotContain("msg=review");
        return pageOutcome(confirmed);
    }

    private static Outcome cancelByPage(String who) {
        ClusterChanges.runningBackupOf("mysql_tenant");
        ClusterChanges.forget();
        WebSession session = session(who);
        long jobId = ClusterChanges.runningJobIdOfMysqlTenant();
        String path = "/jobs/demo/mysql_tenant/" + jobId + "/cancel";
        if ("anonymous".equals(who)) {
            return pageOutcome(session.postWithoutToken(path, Map.of("key", UUID.randomUUID().toString())));
        }
        session.get("/");
        return pageOutcome(session.post(path, Map.of("key", UUID.randomUUID().toString())));
    }

    /**
     * A drill policy of mysql_tenant saved, paused or deleted through its page ({@code action} after
     * its address); the policy exists before (except for a save) and is removed after.
     */
    private static Outcome drillPolicyByPage(String who, String action) {
        String api = "/api/v1/drill-policies/demo/mysql_tenant";
        bearer("ada").delete(api);
        if (!action.isEmpty()) {
            bearer("ada").contentType("application/json").body(Map.of("schedule", Map.of("days", List.of("SUN"),
                    "time", "04:00"), "drillCluster", "demo")).put(api).then().statusCode(200);
        }
        try {
            Map<String, Object> fields = Map.of("drillDays", "SUN", "drillTime", "05:00", "timeZone", "UTC",
                    "drillCluster", "demo", "point", "LATEST", "timeLimitMinutes", "30");
            String path = "/drills/demo/mysql_tenant" + action;
            if ("anonymous".equals(who)) {
                return pageOutcome(session(who).postWithoutToken(path, fields));
            }
            session(who).get("/drills");
            Outcome outcome = pageOutcome(session(who).post(path, fields));
            int status = bearer("ada").get(api).statusCode();
            boolean changed = action.isEmpty() ? status == 200 : action.equals("/delete") ? status == 404
                    : bearer("ada").get(api).jsonPath().getBoolean("paused");
            assertThat(changed).as("the policy changed exactly when the change was allowed")
                    .isEqualTo(outcome == Outcome.ALLOWED);
            return outcome;
        } finally {
            bearer("ada").delete(api);
        }
    }

    private static Outcome signOutWithoutToken(String who) {
        // a sign-out forged by another site: the person must stay signed in
        Outcome outcome = pageOutcome(session(who).postRaw("/sign-out", "text/plain", "x"));
        if (!"anonymous".equals(who)) {
            assertThat(session(who).get("/").statusCode()).as("still signed in").isEqualTo(200);
        }
        return outcome;
    }

    // ---- API

    private static RequestSpecification bearer(String who) {
        RequestSpecification spec = given().baseUri(WebSession.consoleUrl()).accept("application/json");
        return "anonymous".equals(who) ? spec : spec.auth().oauth2(Tokens.accessToken(who));
    }

    private static Outcome apiOutcome(Response response) {
        return switch (response.statusCode()) {
            case 401 -> Outcome.SIGN_IN;
            case 403 -> Outcome.REFUSED;
            case 404 -> Outcome.HIDDEN;
            case 200, 201, 202 -> Outcome.ALLOWED;
            default -> throw new AssertionError("unexpected HTTP " + response.statusCode() + ": " + response.asString());
        };
    }

    private static Outcome api(String who, String path) {
        return apiOutcome(bearer(who).get(path));
    }

    /** Everyone signed in sees only tenants in scope: otto exactly mysql_tenant, the others all three. */
    private static Outcome apiTenants(String who) {
        Response response = bearer(who).get("/api/v1/clusters/demo/tenants");
        Outcome outcome = apiOutcome(response);
        if (outcome == Outcome.ALLOWED) {
            List<String> names = response.jsonPath().getList("name");
            assertThat(names).isEqualTo("otto".equals(who) ? List.of("mysql_tenant")
                    : List.of("mysql_tenant", "oracle_tenant", "analytics"));
        }
        return outcome;
    }

    private static Outcome apiPost(String who, String path, Map<String, Object> body) {
        return apiOutcome(bearer(who).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/clusters/demo/" + path));
    }

    private static Outcome apiCancel(String who) {
        ClusterChanges.runningBackupOf("mysql_tenant");
        ClusterChanges.forget();
        return apiPost(who, "backups/cancel", Map.of("tenants", List.of("mysql_tenant")));
    }

    /** A restore of mysql_tenant into a new tenant of the identity's own; ALLOWED once OceanBase shows its job. */
    private static Outcome apiRestore(String who) {
        String name = "matrix_" + who;
        return apiOutcome(bearer(who).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("sourceCluster", "demo", "sourceTenant", "mysql_tenant", "targetCluster", "demo",
                        "newTenant", name, "newPool", name + "_p", "newUnit", name + "_u"))
                .post("/api/v1/restores"));
    }

    // ---- socket

    private static Outcome socket(String who) {
        String token = "anonymous".equals(who) ? null : Tokens.accessToken(who);
        try (ProgressClient client = ProgressClient.connect(token, null)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> client.types().contains("snapshot"));
            return Outcome.ALLOWED;
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("401")) {
                return Outcome.SIGN_IN;
            }
            if (e.getMessage() != null && e.getMessage().contains("403")) {
                return Outcome.REFUSED;
            }
            throw e;
        }
    }
}

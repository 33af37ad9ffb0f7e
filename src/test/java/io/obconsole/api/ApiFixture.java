package io.obconsole.api;

import static io.restassured.RestAssured.given;

import io.obconsole.demo.DemoControl;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the API tests share: signed-in requests, the demo cluster put back in its starting state, its statements. */
public final class ApiFixture {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private ApiFixture() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(TOKENS.computeIfAbsent(user, Tokens::accessToken)).contentType(ContentType.JSON);
    }

    /** Starts a backup on {@code cluster} as {@code user}, with a fresh idempotency key. */
    static io.restassured.response.Response start(String user, String cluster, Object body) {
        return as(user).header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(body)
                .post("/api/v1/clusters/" + cluster + "/backups");
    }

    public static DemoControl control() {
        return Demo.cluster().control();
    }

    /** Lets every running job end and puts tenants back as the demo scenario starts them. */
    public static void resetCluster() {
        ClusterChangesAfterPreflight.disarm();
        Demo.reset();
    }

    public static List<String> backupsReceived() {
        return control().statementsReceived().stream().filter(s -> s.startsWith("ALTER SYSTEM BACKUP")).toList();
    }

    /** What an admin (or another console) runs on the cluster with its own client, as root@sys. */
    static void sql(String statement) {
        Demo.sql(statement);
    }

    /** The same, signed in as another account (e.g. a tenant's own administrator). */
    static void sqlAs(String account, String statement) {
        Demo.sqlAs(account, statement);
    }

    static Map<String, Object> backup(String type, String... tenants) {
        return Map.of("type", type, "tenants", List.of(tenants));
    }
}

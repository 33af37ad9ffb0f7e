package io.obconsole.alert;

import static io.restassured.RestAssured.given;

import io.obconsole.testing.Tokens;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Channels through the API as an admin would make them, and a look into the alert tables. */
final class AlertFixture {

    static final String KEY_NAME = "test-key";
    /** The value of console.alerts.keys.test-key in the test profile: what a receiver is given out of band. */
    static final String KEY = "test-signing-key-not-secret";

    private AlertFixture() {
    }

    /** A signed webhook channel for demo/mysql_tenant (and cluster- or console-wide events), every kind. */
    static long webhookChannel(String name, String url) {
        return channel(Map.of("name", name, "format", "WEBHOOK", "url", url, "keyName", KEY_NAME,
                "clusterPattern", "demo", "tenantPattern", "mysql_tenant"));
    }

    static long channel(Map<String, Object> body) {
        return ((Number) given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/alerts/channels").then().statusCode(201).extract().path("id")).longValue();
    }

    static void delete(long id) {
        given().auth().oauth2(Tokens.accessToken("ada")).delete("/api/v1/alerts/channels/" + id).then().statusCode(204);
    }

    static List<Map<String, Object>> log(long channelId) {
        return given().auth().oauth2(Tokens.accessToken("ada")).get("/api/v1/alerts/channels/" + channelId + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static long newestEventId(DataSource db) {
        return number(db, "SELECT COALESCE(MAX(id), 0) FROM alert_event");
    }

    static long number(DataSource db, String sql) {
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

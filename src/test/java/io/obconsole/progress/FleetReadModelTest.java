package io.obconsole.progress;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.demo.DemoControl;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages and the API read the fleet read model the poller keeps: a page view or an API read sends
 * nothing to a cluster, and a page shows exactly the HTML the live channel sends for the same job.
 * The scheduled tick is paused, so only the rounds the test runs reach the cluster.
 */
@QuarkusTest
class FleetReadModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ProgressPoller poller;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void pauseTheTick() throws Exception {
        DemoBackups.finishAll();
        scheduler.pause(ProgressPoller.TICK);
        refresh();
    }

    @AfterEach
    void resumeTheTick() throws Exception {
        Demo.sql("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        DemoBackups.finishAll();
        scheduler.resume(ProgressPoller.TICK);
        refresh();
    }

    @Test
    void pageViewsAndApiReadsSendNoStatementToTheCluster() {
        WebSession ada = WebSession.signIn("ada");
        String token = Tokens.accessToken("ada");
        DemoControl control = Demo.cluster().control();
        control.resetStatements();

        for (int i = 0; i < 5; i++) {
            assertThat(ada.get("/").then().statusCode(200).extract().asString()).contains("mysql_tenant")
                    .contains("Read from the cluster");
            assertThat(ada.get("/clusters/demo/tenants/mysql_tenant").then().statusCode(200).extract().asString())
                    .contains("Read from the cluster");
            assertThat(ada.get("/jobs").then().statusCode(200).extract().asString()).contains("Read from the cluster");
            given().auth().oauth2(token).get("/api/v1/clusters").then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/clusters/demo/tenants").then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/jobs").then().statusCode(200);
        }

        assertThat(control.statementsReceived()).as("statements the demo cluster received for 30 reads").isEmpty();
    }

    @Test
    void theTenantPageAndTheJobsPageShowTheSameHtmlPercentAndEtaAsTheSocket() throws Exception {
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        refresh();
        for (int i = 0; i < 3; i++) {
            Demo.clock().advanceSeconds(8); // a FULL takes 60 s of demo time: counters move each round
            round();
        }
        ProgressClient ada = ProgressClient.connect(Tokens.accessToken("ada"), null);
        try {
            await().atMost(WAIT).until(() -> ada.types().contains("snapshot"));
            JsonObject snapshot = ada.messages.get(ada.types().indexOf("snapshot"));
            JsonObject job = snapshot.getJsonArray("jobs").stream().map(JsonObject.class::cast)
                    .filter(j -> "mysql_tenant".equals(j.getString("tenant")) && j.getBoolean("running"))
                    .findFirst().orElseThrow();
            assertThat(job.getDouble("percent")).isBetween(0.1, 99.9);
            assertThat(job.getLong("etaSeconds")).as("rate and ETA are known after three rounds").isPositive();
            JsonObject html = snapshot.getJsonObject("html").getJsonObject(job.getString("key"));

            WebSession page = WebSession.signIn("ada");
            String tenantPage = page.get("/clusters/demo/tenants/mysql_tenant").then().statusCode(200).extract().asString();
            String jobsPage = page.get("/jobs").then().statusCode(200).extract().asString();

            assertThat(html.getString("running")).contains("to go").contains(percentText(job.getDouble("percent")));
            assertThat(tenantPage).contains(html.getString("running"));
            assertThat(jobsPage).contains(html.getString("row"));
        } finally {
            ada.close();
        }
    }

    /** The percent as the pages write it: a tenth at most, no trailing ".0". */
    private static String percentText(double percent) {
        return (percent == Math.floor(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + " %";
    }

    private void refresh() throws Exception {
        poller.refreshNow("demo").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void round() throws Exception {
        poller.pollNow("demo").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

}

package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.obconsole.demo.ManualClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Both formats against a real HTTP receiver, and a channel's routing and masking. */
class NotifierTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC);
    private final Notifier notifier = new Notifier(new ObjectMapper(), Map.of("k", "s3cret", "ding", "SECabc")::get,
            Duration.ofSeconds(5), clock);

    private static final AlertEvent FAILED = new AlertEvent(42L, "job-failed:x", AlertKind.JOB_FAILED, "demo",
            "mysql_tenant", "FULL backup job 7 of demo/mysql_tenant FAILED with OceanBase -9070", "explained", -9070,
            "can not connect to backup destination", AlertKind.JOB_FAILED.nextStep(),
            "https://console.example.com/jobs?cluster=demo&tenant=mysql_tenant", LocalDateTime.parse("2026-01-10T07:59:00"),
            0, Instant.parse("2026-01-10T08:00:00Z"));

    @Test
    void theWebhookCarriesEveryFieldAndAnHmacOverTimestampAndBody() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Notifier.Result result = notifier.send(channel(ChannelFormat.WEBHOOK, receiver.url(), "k"), FAILED);

            assertThat(result).isEqualTo(new Notifier.Result(true, 200, "delivered"));
            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.timestamp()).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
            assertThat(got.signedWith("s3cret")).isTrue();
            assertThat(got.signedWith("wrong")).isFalse();
            assertThat(got.json().path("obCode").asInt()).isEqualTo(-9070);
            assertThat(got.json().path("since").asText()).as("an instant with its zone").isEqualTo("2026-01-10T07:59:00Z");
            assertThat(got.json().path("nextStep").asText()).startsWith("Read OceanBase's code");
            assertThat(got.body()).doesNotContain("s3cret");
        }
    }

    @Test
    void dingTalkGetsAMarkdownMessageSignedTheWayDingTalkChecksIt() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String url = receiver.url() + "?access_token=tok123";
            assertThat(notifier.send(channel(ChannelFormat.DINGTALK, url, "ding"), FAILED).delivered()).isTrue();

            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.json().path("msgtype").asText()).isEqualTo("markdown");
            String text = got.json().path("markdown").path("text").asText();
            assertThat(text).contains("demo/mysql_tenant").contains("**OceanBase:** -9070 can not connect")
                    .contains("**Next step:**")
                    .as("since when, with its zone").contains("**Since:** 2026-01-10 07:59:00 UTC").contains("[Open in the console](https://console.example.com/jobs?");
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : got.query().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            assertThat(query).containsEntry("access_token", "tok123").containsEntry("timestamp", String.valueOf(clock.millis()));
            assertThat(query.get("sign")).isEqualTo(Signatures.dingTalk("SECabc", clock.millis()));
        }
    }

    @Test
    void aReceiverThatIsDownOrRefusesSaysSoWithoutTheUrlsToken() {
        WebhookReceiver receiver = WebhookReceiver.start();
        String url = receiver.url() + "?access_token=tok123";
        receiver.answer(503);
        assertThat(notifier.send(channel(ChannelFormat.WEBHOOK, url, "k"), FAILED))
                .isEqualTo(new Notifier.Result(false, 503, "receiver answered HTTP 503"));
        receiver.close();
        Notifier.Result down = notifier.send(channel(ChannelFormat.WEBHOOK, url, "k"), FAILED);
        assertThat(down.delivered()).isFalse();
        assertThat(down.status()).isNull();
        assertThat(down.detail()).startsWith("receiver not reached").doesNotContain("tok123");
    }

    @Test
    void aChannelRoutesByKindClusterAndTenantAndCoversClusterWideEvents() {
        Channel payments = new Channel(1, "p", ChannelFormat.WEBHOOK, "https://h.example.com", "k", "prod*", "pay?",
                Set.of(AlertKind.JOB_FAILED, AlertKind.CLUSTER_UNREACHABLE), true, "ada", null);
        assertThat(payments.routes(event(AlertKind.JOB_FAILED, "prod1", "pay1"))).isTrue();
        assertThat(payments.routes(event(AlertKind.JOB_FAILED, "prod1", "payments"))).isFalse();
        assertThat(payments.routes(event(AlertKind.JOB_FAILED, "test1", "pay1"))).isFalse();
        assertThat(payments.routes(event(AlertKind.OBJECTIVE_BREACHED, "prod1", "pay1"))).isFalse();
        assertThat(payments.routes(event(AlertKind.CLUSTER_UNREACHABLE, "prod2", null))).isTrue();
        assertThat(payments.routes(event(AlertKind.CLUSTER_REACHABLE, "prod2", null))).as("the recovery of a routed kind").isTrue();
        assertThat(payments.routes(event(AlertKind.JOB_RESUMED, "prod1", "pay1"))).as("JOB_STALLED is not routed").isFalse();
        assertThat(new Channel(1, "p", ChannelFormat.WEBHOOK, "https://h.example.com", "k", "*", "*", Set.of(), false,
                "ada", null).routes(event(AlertKind.JOB_FAILED, "prod1", "pay1"))).as("disabled").isFalse();
    }

    @Test
    void aShownUrlHidesQueryValuesAndUserInfo() {
        assertThat(Channel.maskedUrl("https://bot:pw@oapi.dingtalk.com/robot/send?access_token=abc&x=1"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=***&x=***");
    }

    private static Channel channel(ChannelFormat format, String url, String key) {
        return new Channel(9, "c", format, url, key, "*", "*", Set.of(), true, "ada", null);
    }

    private static AlertEvent event(AlertKind kind, String cluster, String tenant) {
        return AlertEvent.of("k", kind, cluster, tenant, "s", null, null);
    }
}

package io.obconsole.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.obconsole.fleet.ClusterTime;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends one event to one channel in the channel's format and says what the receiver answered.
 * Keys come from configuration by the channel's key name; neither the key nor the receiver's URL
 * (chat robots carry a token in it) ever appears in what this returns.
 */
public class Notifier {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Function<String, String> keys;
    private final Duration timeout;
    private final Clock clock;

    public Notifier(ObjectMapper json, Function<String, String> keys, Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.keys = keys;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What the receiver said: delivered or not, its HTTP status (null when none came) and a short reason. */
    public record Result(boolean delivered, Integer status, String detail) {
    }

    public Result send(Channel channel, AlertEvent event) {
        String key = channel.keyName() == null ? null : keys.apply(channel.keyName());
        if (channel.keyName() != null && key == null) {
            return new Result(false, null, "signing key '" + channel.keyName() + "' is not configured (console.alerts.keys."
                    + channel.keyName() + ")");
        }
        try {
            HttpRequest request = switch (channel.format()) {
                case WEBHOOK -> webhook(channel, event, key);
                case DINGTALK -> dingTalk(channel, event, key);
            };
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status < 200 || status >= 300) {
                return new Result(false, status, "receiver answered HTTP " + status);
            }
            if (channel.format() == ChannelFormat.DINGTALK) {
                return dingTalkAnswer(status, response.body());
            }
            return new Result(true, status, "delivered");
        } catch (IOException e) {
            return new Result(false, null, "receiver not reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + Channel.maskedUrl(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, null, "interrupted");
        } catch (IllegalArgumentException e) {
            return new Result(false, null, "invalid receiver URL");
        }
    }

    private HttpRequest webhook(Channel channel, AlertEvent event, String key) throws JsonProcessingException {
        String body = json.writeValueAsString(payload(event));
        long now = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "obconsole-alerts")
                .header("X-OBConsole-Event", event.kind().name())
                .header("X-OBConsole-Event-Id", String.valueOf(event.id()))
                .header(Signatures.TIMESTAMP_HEADER, String.valueOf(now))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (key != null) {
            request.header(Signatures.SIGNATURE_HEADER, Signatures.webhook(key, now, body));
        }
        return request.build();
    }

    /** The webhook's JSON: every field an on-call tool needs, stable names. */
    Map<String, Object> payload(AlertEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("kind", event.kind().name());
        body.put("title", event.kind().title());
        body.put("summary", event.summary());
        body.put("cluster", event.cluster());
        body.put("tenant", event.tenant());
        body.put("since", event.since() == null ? null : ClusterTime.isoUtc(event.since()));
        body.put("obCode", event.obCode());
        body.put("obText", event.obText());
        body.put("detail", event.detail());
        body.put("nextStep", event.nextStep());
        body.put("link", event.link());
        body.put("repeats", event.repeats());
        body.put("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        return body;
    }

    private HttpRequest dingTalk(Channel channel, AlertEvent event, String secret) throws JsonProcessingException {
        String url = channel.url();
        if (secret != null) {
            long millis = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign="
                    + URLEncoder.encode(Signatures.dingTalk(secret, millis), StandardCharsets.UTF_8);
        }
        Map<String, Object> markdown = new LinkedHashMap<>();
        markdown.put("title", event.kind().title() + " · " + event.where());
        markdown.put("text", markdown(event));
        String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown", markdown));
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** The chat message: what, where, since when, OceanBase's answer, the next step, the link. */
    static String markdown(AlertEvent event) {
        StringBuilder text = new StringBuilder();
        text.append("### ").append(event.kind().title()).append(": ").append(event.where()).append("\n\n");
        text.append("- **What:** ").append(event.summary()).append('\n');
        if (event.cluster() != null) {
            text.append("- **Cluster:** ").append(event.cluster());
            if (event.tenant() != null) {
                text.append(", **tenant:** ").append(event.tenant());
            }
            text.append('\n');
        }
        if (event.since() != null) {
            text.append("- **Since:** ").append(ClusterTime.utcText(event.since())).append('\n');
        }
        if (event.obCode() != null) {
            text.append("- **OceanBase:** ").append(event.obCode()).append(' ').append(event.obText() == null ? "" : event.obText())
                    .append('\n');
        }
        if (event.repeats() > 0) {
            text.append("- **Repeats:** came back ").append(event.repeats()).append(" more time(s) since the last message\n");
        }
        text.append("- **Next step:** ").append(event.nextStep()).append('\n');
        if (event.link() != null) {
            text.append("\n[Open in the console](").append(event.link()).append(')');
        }
        return text.toString();
    }

    private Result dingTalkAnswer(int status, String body) {
        try {
            JsonNode answer = json.readTree(body);
            int code = answer.path("errcode").asInt(0);
            return code == 0 ? new Result(true, status, "delivered")
                    : new Result(false, status, "DingTalk refused: errcode " + code + " " + answer.path("errmsg").asText());
        } catch (IOException e) {
            return new Result(true, status, "delivered (answer not JSON)");
        }
    }
}

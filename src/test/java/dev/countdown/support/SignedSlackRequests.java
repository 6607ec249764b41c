package dev.countdown.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends what Slack sends: form bodies signed with the app's signing secret, to {@code /slack/events}. */
public final class SignedSlackRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String secret;

    public SignedSlackRequests(URI base, String secret) {
        this.endpoint = base.resolve("/slack/events");
        this.secret = secret;
    }

    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String slashCommand(String command, String text, String user, String channel, String triggerId) {
        return "token=unused&team_id=T1&team_domain=fake&channel_id=" + channel + "&channel_name=deployments&user_id="
                + user + "&user_name=" + user.toLowerCase() + "&command=" + enc(command) + "&text=" + enc(text)
                + "&api_app_id=A1&response_url=" + enc("https://hooks.slack.invalid/commands/1") + "&trigger_id=" + triggerId;
    }

    /** A block_actions payload for one click; {@code selected} is an overflow option's value, or null for a button. */
    public static String blockAction(String actionId, String selected, String user, String channel, String triggerId) {
        return blockAction(actionId, selected, user, channel, triggerId, "1.1", null);
    }

    /**
     * A click on the message {@code messageTs}; Slack names the thread it is in ({@code threadTs},
     * null for a message in the channel) in both the container and the message.
     */
    public static String blockAction(String actionId, String selected, String user, String channel, String triggerId,
                                     String messageTs, String threadTs) {
        String thread = threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"";
        String action = selected == null
                ? "{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"action_ts\":\"1.2\"}"
                : "{\"type\":\"overflow\",\"action_id\":\"" + actionId + "\",\"block_id\":\"b\",\"action_ts\":\"1.2\","
                + "\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + selected + "\"}}";
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\",\"username\":\"" + user
                + "\",\"name\":\"" + user + "\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"unused\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"" + messageTs + "\",\"channel_id\":\""
                + channel + "\",\"is_ephemeral\":false" + thread + "},\"trigger_id\":\"" + triggerId + "\",\"team\":{\"id\":\"T1\",\"domain\":\"fake\"},"
                + "\"channel\":{\"id\":\"" + channel + "\",\"name\":\"deployments\"},\"message\":{\"ts\":\"" + messageTs + "\",\"text\":\"x\"" + thread + "},"
                + "\"response_url\":\"https://hooks.slack.invalid/actions/1\",\"actions\":[" + action + "]}";
        return "payload=" + enc(payload);
    }

    public static String viewSubmission(String callbackId, String metadata, String block, String input, String value,
                                        String user, String viewId) {
        String payload = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T1\",\"domain\":\"fake\"},\"user\":{\"id\":\""
                + user + "\",\"username\":\"" + user + "\",\"name\":\"" + user + "\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"token\":\"unused\",\"trigger_id\":\"t-view\",\"view\":{\"id\":\"" + viewId + "\",\"team_id\":\"T1\","
                + "\"type\":\"modal\",\"callback_id\":\"" + callbackId + "\",\"private_metadata\":\"" + metadata + "\","
                + "\"hash\":\"h1\",\"state\":{\"values\":{\"" + block + "\":{\"" + input + "\":{\"type\":\"plain_text_input\","
                + "\"value\":\"" + value + "\"}}}}}}";
        return "payload=" + enc(payload);
    }

    public HttpResponse<String> send(String body) {
        long now = System.currentTimeMillis() / 1000;
        return send(body, now, signature(secret, now, body), null);
    }

    public HttpResponse<String> send(String body, long timestamp, String signature, String retryNum) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

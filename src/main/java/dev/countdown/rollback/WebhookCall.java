package dev.countdown.rollback;

import dev.countdown.manifest.RollbackPlan;
import dev.countdown.manifest.SecretString;
import dev.countdown.probe.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The webhook action: one POST (or PUT) to the deploy system, its body signed with HMAC-SHA256
 * over {@code timestamp + "." + body} in {@code X-Countdown-Signature: v1=<hex>}, with the
 * timestamp in {@code X-Countdown-Timestamp}, and an {@code Idempotency-Key} that stays the same
 * for every call of one rollback run.
 */
final class WebhookCall {

    static final String TIMESTAMP = "X-Countdown-Timestamp";
    static final String SIGNATURE = "X-Countdown-Signature";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int SHOWN = 2_000;

    private WebhookCall() {
    }

    static ActionCall call(OkHttpClient client, RollbackPlan.Action action, String body, String key, Instant now,
                           Function<String, String> env, Redactor redactor) {
        String timestamp = Long.toString(now.getEpochSecond());
        Request.Builder request = new Request.Builder().url(action.url().resolve(env))
                .method(action.method().isEmpty() ? "POST" : action.method(), RequestBody.create(body, JSON))
                .header("Idempotency-Key", key).header(TIMESTAMP, timestamp);
        action.headers().forEach((name, value) -> request.header(name, value.resolve(env)));
        action.secret().map(s -> s.resolve(env)).ifPresent(secret ->
                request.header(SIGNATURE, "v1=" + sign(secret, timestamp, body)));
        String asked = (action.method().isEmpty() ? "POST" : action.method()) + " " + Redactor.shown(action.url())
                + "\nIdempotency-Key: " + key + "\n" + TIMESTAMP + ": " + timestamp
                + (action.secret().isPresent() ? "\n" + SIGNATURE + ": v1=(HMAC-SHA256 of timestamp.body)" : "")
                + "\n\n" + body;
        try (Response response = client.newCall(request.build()).execute()) {
            String answer = response.body() == null ? "" : response.body().string();
            String evidence = redactor.apply(asked + "\n\n→ HTTP " + response.code() + "\n" + shorten(answer));
            return response.isSuccessful()
                    ? new ActionCall(ActionCall.Outcome.SUCCEEDED, "HTTP " + response.code() + " from the deploy system", evidence)
                    : new ActionCall(ActionCall.Outcome.FAILED, "HTTP " + response.code() + " from the deploy system", evidence);
        } catch (ConnectException | UnknownHostException notSent) {
            // nothing reached the deploy system: a failure a person may retry
            return new ActionCall(ActionCall.Outcome.FAILED, "not reached: " + redactor.apply(notSent.getMessage()),
                    redactor.apply(asked));
        } catch (IOException maybeSent) {
            return new ActionCall(ActionCall.Outcome.UNKNOWN, "no answer (" + redactor.apply(String.valueOf(
                    maybeSent.getMessage())) + "): the deploy system may have acted", redactor.apply(asked));
        }
    }

    /** {@code hex(HMAC-SHA256(secret, timestamp + "." + body))}: what a receiver recomputes. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }

    /** The secret and the token when the manifest wrote them out instead of naming a variable: masked too. */
    static java.util.List<String> literalSecrets(RollbackPlan.Action action) {
        java.util.stream.Stream<SecretString> headers = action.headers().entrySet().stream()
                .filter(h -> CREDENTIAL.matcher(h.getKey()).matches()).map(java.util.Map.Entry::getValue);
        return java.util.stream.Stream.of(action.secret().stream(), action.workflow().map(w -> w.token()).stream(), headers)
                .flatMap(x -> x).filter(s -> !s.hasReferences()).map(SecretString::written)
                // "Bearer abc": the credential is the last word
                .flatMap(v -> java.util.stream.Stream.of(v, v.substring(v.lastIndexOf(' ') + 1))).distinct().toList();
    }

    private static final java.util.regex.Pattern CREDENTIAL =
            java.util.regex.Pattern.compile("(?i)authorization|.*(token|key|secret|password|auth).*");

    static java.util.List<SecretString> secrets(RollbackPlan.Action action) {
        java.util.List<SecretString> all = new java.util.ArrayList<>(action.headers().values());
        all.add(action.url());
        action.secret().ifPresent(all::add);
        action.workflow().ifPresent(w -> all.add(w.token()));
        return all;
    }
}

package dev.countdown.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.countdown.metrics.CountdownMetrics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's HTTP endpoint. The signature and timestamp are checked here before anything is parsed
 * (Bolt refuses old timestamps but accepts future ones; a request dated more than five minutes
 * either way is refused, so a captured request cannot be replayed later), then the raw body and
 * headers go to Bolt, which routes them to the handlers. Clicks on Countdown's buttons, most of
 * the traffic, are read by {@link SlackClickReader} and handled as Bolt would, without Bolt's
 * per-request Gson (docs/performance.md).
 */
@Controller("/slack")
@Requires(beans = App.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    private static final long MAX_SKEW_SECONDS = 300;

    private final App app;
    private final SlackActionHandler actions;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier signatures;
    private final Clock clock;

    private final CountdownMetrics metrics;

    SlackEventsController(App app, SlackActionHandler actions, Clock clock, CountdownMetrics metrics) {
        this.metrics = metrics;
        this.app = app;
        this.actions = actions;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = new SlackSignature.Verifier(new SlackSignature.Generator(app.config().getSigningSecret()));
        this.clock = clock;
    }

    @Post(value = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    MutableHttpResponse<String> events(HttpRequest<?> request, @Body String body) throws Exception {
        String timestamp = request.getHeaders().get("X-Slack-Request-Timestamp");
        String signature = request.getHeaders().get("X-Slack-Signature");
        String raw = body == null ? "" : body;
        if (!fresh(timestamp) || signature == null || !signatures.isValid(timestamp, raw, signature)) {
            LOG.warn("refused a Slack request (timestamp {}, signature {}) from {}", timestamp,
                    signature == null ? "missing" : "present", request.getRemoteAddress());
            return HttpResponse.<String>unauthorized().contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"error\":\"invalid request\"}");
        }
        Optional<BlockActionPayload> click = SlackClickReader.read(raw);
        if (click.isPresent()) {
            // What Bolt's handler for Countdown's buttons does, without its per-click Gson.
            return answer(metrics.ack("slack", () -> actions.blockAction(click.get())
                    .map(SlackInput::badRequest).orElseGet(Response::ok)));
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getPath()).queryString(Map.of()).headers(new RequestHeaders(headers))
                    .requestBody(raw).remoteAddress(request.getRemoteAddress().getHostString()).build());
        } catch (RuntimeException malformed) {
            slackRequest = null;
        }
        if (slackRequest == null) {
            LOG.warn("refused a signed but malformed Slack request from {}", request.getRemoteAddress());
            return HttpResponse.<String>badRequest().contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"error\":\"not a Slack request Countdown understands\"}");
        }
        Request<?> bolt = slackRequest;
        return answer(metrics.ack("slack", () -> run(bolt)));
    }

    private static MutableHttpResponse<String> answer(Response response) {
        MutableHttpResponse<String> answer = HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(
                response.getStatusCode()));
        if (response.getContentType() != null) {
            answer.contentType(response.getContentType());
        }
        return response.getBody() == null ? answer : answer.body(response.getBody());
    }

    private Response run(Request<?> request) {
        try {
            return app.run(request);
        } catch (RuntimeException e) {
            if (unreadableToBolt(e)) {
                LOG.warn("refused a signed Slack request Bolt could not route: {}", e.toString());
                return Response.builder().statusCode(400).contentType("application/json; charset=utf-8")
                        .body("{\"error\":\"not a Slack request Countdown understands\"}").build();
            }
            throw new IllegalStateException("the Slack app failed on a request", e);
        } catch (Exception e) {
            throw new IllegalStateException("the Slack app failed on a request", e);
        }
    }

    /**
     * Bolt itself, not a handler of Countdown's, failed on the payload's shape: a signed
     * {@code "actions":[null]} makes it throw a NullPointerException while routing (found by
     * fuzz/SlackPayloadFuzzTest). That is bad input, answered 400 like a payload it cannot parse;
     * a failure inside a handler still is a 500.
     */
    private static boolean unreadableToBolt(RuntimeException e) {
        StackTraceElement[] stack = e.getStackTrace();
        return (e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException || e instanceof IllegalArgumentException)
                && stack.length > 0 && stack[0].getClassName().startsWith("com.slack.api.");
    }

    private boolean fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= MAX_SKEW_SECONDS;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }
}

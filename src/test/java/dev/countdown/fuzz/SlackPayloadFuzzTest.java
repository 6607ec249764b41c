package dev.countdown.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.chat.ActionRef;
import dev.countdown.release.ItemState;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed Slack requests, mutated, through HTTP into the service with its real Bolt app: slash
 * commands, block_actions clicks (read by Countdown's own SlackClickReader, then ClickRouter, which
 * Discord's clicks share) and view_submission forms. Whatever a request holds, Slack gets the
 * documented answers (200 with an answer or a form error, 400 for an unreadable click or request,
 * Bolt's 404 "no handler found" for a command, button or form that is not Countdown's, 413 for a
 * body over the server's 10 MB), never a 500, and afterwards the service still takes a real click. The signature is always right:
 * this is what someone with the signing secret, or a broken proxy, can send.
 *
 * <p>A few hundred requests in the suite; {@code -Dcountdown.fuzz.tries=N} per property for a long
 * run and {@code -Dcountdown.fuzz.seed=S} to replay one (docs/reliability.md#fuzzing). A failing body
 * is kept under target/fuzz/.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackPayloadFuzzTest implements TestPropertyProvider {

    private static final int TRIES = Integer.getInteger("countdown.fuzz.tries", 100);
    private static final long SEED = Long.getLong("countdown.fuzz.seed", System.nanoTime());
    private static final String SECRET = "fuzz-signing-secret-0123456789abc";
    private static final String CHANNEL = "C0SHOP001";
    private static final String RM = "U0RM00001";
    private static final String QA = "U0QA00001";

    private final FakeSlack slack = new FakeSlack().start();
    private final List<String> commands = new ArrayList<>();
    private final List<String> clicks = new ArrayList<>();
    private final List<String> forms = new ArrayList<>();
    private String releaseId;

    @Inject
    EmbeddedServer server;
    @Inject
    ReleaseService releases;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.putAll(slack.appSettings(SECRET));
        properties.put("countdown.chat.poll", "1h");
        properties.put("countdown.chat.initial-delay", "1h");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    /** Valid requests of every kind, on a release that exists, to start the mutations from. */
    @BeforeAll
    void corpus() {
        HttpResponse<String> started = send(SignedSlackRequests.slashCommand("/release", "start v1.0.0", RM, CHANNEL, "t0"));
        assertThat(started.body()).contains("Release shop v1.0.0 started.");
        LoadedRelease release = releases.list(Optional.of("shop")).getFirst();
        releaseId = release.release().id();
        List<String> items = List.copyOf(release.release().items().keySet());
        for (String words : List.of("help", "status", "start v1.0.1", "decide", "cancel changed my mind", "probe all")) {
            commands.add(SignedSlackRequests.slashCommand("/release", words, RM, CHANNEL, "t-c"));
        }
        for (String item : items) {
            for (String state : List.of("pass", "fail", "na", "blocked", "pending")) {
                clicks.add(SignedSlackRequests.blockAction(ActionRef.item(releaseId, item).encode(), state, QA, CHANNEL, "t-i"));
            }
        }
        clicks.add(SignedSlackRequests.blockAction(ActionRef.vote(releaseId, true, "qa-lead").encode(), null, QA, CHANNEL, "t-v"));
        clicks.add(SignedSlackRequests.blockAction(ActionRef.vote(releaseId, false, "qa-lead").encode(), null, QA, CHANNEL, "t-v"));
        clicks.add(SignedSlackRequests.blockAction(ActionRef.decide(releaseId, "Canary", false).encode(), null, RM, CHANNEL, "t-d"));
        clicks.add(SignedSlackRequests.blockAction(ActionRef.probe(releaseId, ActionRef.ALL_PROBES).encode(), null, RM, CHANNEL, "t-p"));
        clicks.add(SignedSlackRequests.blockAction(ActionRef.cancel(releaseId).encode(), null, RM, CHANNEL, "t-x", "1.5", "1.1"));
        for (String state : List.of("fail", "blocked", "na")) {
            forms.add(SignedSlackRequests.viewSubmission("cd-note", releaseId + "|" + items.getLast() + "|" + state, "note",
                    "text", "it broke", QA, "V1"));
        }
    }

    @Test
    void slashCommands() {
        run("slack-commands", random -> Payloads.mutateForm(random, Fragments.pick(random, commands)));
    }

    @Test
    void clicks() {
        run("slack-clicks", random -> Payloads.mutatePayload(random, Fragments.pick(random, clicks)));
    }

    @Test
    void formSubmissions() {
        run("slack-forms", random -> Payloads.mutatePayload(random, Fragments.pick(random, forms)));
    }

    /** What the first runs found, kept as fixed cases: each was a 500 before its fix. */
    @Test
    void whatTheFuzzFound() {
        String nullAction = Payloads.enc(URLDecoder.decode(clicks.getFirst().substring("payload=".length()),
                StandardCharsets.UTF_8).replaceFirst("\"actions\":\\[.*]}$", "\"actions\":[null]}"));
        assertThat(nullAction).contains("%5Bnull%5D");
        HttpResponse<String> click = send("payload=" + nullAction);
        assertThat(click.statusCode()).isEqualTo(400);
        assertThat(click.body()).isEqualTo("{\"error\":\"not a Slack request Countdown understands\"}");

        String noState = Payloads.enc(URLDecoder.decode(forms.getFirst().substring("payload=".length()),
                StandardCharsets.UTF_8).replaceFirst(",\"state\":\\{.*}}}}$", "}}"));
        assertThat(noState).doesNotContain("state");
        HttpResponse<String> form = send("payload=" + noState);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("\"response_action\":\"errors\"", "Write what happened");
    }

    private void run(String property, Function<Random, String> bodies) {
        Random seeds = new Random(SEED ^ property.hashCode());
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            String body = bodies.apply(new Random(seed));
            HttpResponse<String> answer = send(body);
            if (answer.statusCode() != 200 && answer.statusCode() != 400 && answer.statusCode() != 413 && !notOurs(answer)) {
                throw new AssertionError("HTTP " + answer.statusCode() + " " + answer.body() + ": " + property + " try "
                        + i + " (-Dcountdown.fuzz.seed=" + SEED + "), body kept in " + keep(property, body));
            }
        }
        // Still whole: a release started now takes a real click, as its user would see it.
        String version = "v9." + Math.abs(property.hashCode() % 1000) + ".0";
        HttpResponse<String> started = send(SignedSlackRequests.slashCommand("/release", "start " + version, RM, CHANNEL,
                "t-after-" + property));
        assertThat(started.body()).contains("Release shop " + version + " started.");
        LoadedRelease fresh = releases.list(Optional.of("shop")).stream()
                .filter(r -> r.release().version().equals(version)).findFirst().orElseThrow();
        String item = fresh.release().items().keySet().iterator().next();
        HttpResponse<String> click = send(SignedSlackRequests.blockAction(ActionRef.item(fresh.release().id(), item)
                .encode(), "pass", QA, CHANNEL, "t-click-" + property));
        assertThat(click.statusCode()).as(click.body()).isEqualTo(200);
        assertThat(releases.find(fresh.release().id()).orElseThrow().release().items().get(item).state())
                .isEqualTo(ItemState.PASS);
    }

    /** Bolt's own answer to a signed request for a command, button or form that is not Countdown's. */
    private static boolean notOurs(HttpResponse<String> answer) {
        return answer.statusCode() == 404 && answer.body().equals("{\"error\":\"no handler found\"}");
    }

    private HttpResponse<String> send(String body) {
        return new SignedSlackRequests(server.getURI(), SECRET).send(body);
    }

    private static Path keep(String property, String body) {
        Path file = Path.of("target", "fuzz", property + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return file;
    }
}

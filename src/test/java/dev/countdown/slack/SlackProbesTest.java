package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.chat.ChatDispatcher;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.ServiceFixture;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /release probe and the probes message's Run buttons, through the real Bolt app and a fake Slack. */
class SlackProbesTest {

    @TempDir
    Path dir;

    @Test
    void probesRunFromACommandAndFromTheirButtonAndShowInTheThread() throws Exception {
        try (FakeSlack slack = new FakeSlack().start(); MockWebServer target = new MockWebServer()) {
            for (int k = 0; k < 5; k++) {
                target.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            }
            target.start(InetAddress.getLoopbackAddress(), 0);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack,
                    target.url("/health").toString()))) {
                ChatDispatcher dispatcher = server.getApplicationContext().getBean(ChatDispatcher.class);
                ReleaseService releases = server.getApplicationContext().getBean(ReleaseService.class);
                SignedSlackRequests requests = new SignedSlackRequests(server.getURI(), SlackTestBase.SECRET);
                requests.send(SignedSlackRequests.slashCommand("/release", "start v1.0.0", "U0RM00001", "C0WEB0001", "t1"));
                dispatcher.drain();
                String rootTs = slack.channel("C0WEB0001").getFirst().ts();
                FakeSlack.Message probes = slack.find(rootTs, "*Probes*");
                assertThat(probes.visibleText()).contains("*health* (http) — not run yet", "Run all");

                String answer = SlackTestBase.answer(requests.send(SignedSlackRequests.slashCommand("/release", "probe",
                        "U0RM00001", "C0WEB0001", "t2")));
                assertThat(answer).isEqualTo("Running 1 probe: health. The results will show on the release's probes message.");
                String id = releases.list(Optional.of("web")).getFirst().release().id();
                awaitProbeEvents(releases, id, 1);
                Thread.sleep(1100);
                dispatcher.drain();
                assertThat(slack.find(rootTs, "*Probes*").visibleText()).contains(":white_check_mark: *health* (http) — pass");
                assertThat(slack.find(rootTs, "/health returns 200").visibleText()).contains(":white_check_mark:");

                requests.send(SignedSlackRequests.blockAction(SlackIds.probe(id, "health"), null, "U0RM00001", "C0WEB0001", "t3"));
                awaitProbeEvents(releases, id, 2);
                assertThat(SlackTestBase.answer(requests.send(SignedSlackRequests.slashCommand("/release", "probe nope",
                        "U0RM00001", "C0WEB0001", "t4")))).contains("No probe nope in this release; its probes: health.");
                assertThat(target.getRequestCount()).as("a refused or unknown probe runs nothing").isEqualTo(2);
            }
        }
    }

    @Test
    void aRetriedProbeCommandOrClickRunsTheProbesOnce() throws Exception {
        try (FakeSlack slack = new FakeSlack().start(); MockWebServer target = new MockWebServer()) {
            for (int k = 0; k < 3; k++) {
                target.enqueue(new MockResponse.Builder().code(200).headersDelay(800, TimeUnit.MILLISECONDS).body("ok")
                        .build());
            }
            target.start(InetAddress.getLoopbackAddress(), 0);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(slack,
                    target.url("/health").toString()))) {
                ReleaseService releases = server.getApplicationContext().getBean(ReleaseService.class);
                SignedSlackRequests requests = new SignedSlackRequests(server.getURI(), SlackTestBase.SECRET);
                requests.send(SignedSlackRequests.slashCommand("/release", "start v1.0.0", "U0RM00001", "C0WEB0001", "r1"));
                String id = releases.list(Optional.of("web")).getFirst().release().id();

                String probe = SignedSlackRequests.slashCommand("/release", "probe", "U0RM00001", "C0WEB0001", "r2");
                assertThat(SlackTestBase.answer(requests.send(probe))).startsWith("Running 1 probe: health.");
                assertThat(SlackTestBase.answer(retry(requests, probe)))
                        .startsWith("These probes are already running for this request");
                awaitProbeEvents(releases, id, 1);
                assertThat(SlackTestBase.answer(retry(requests, probe))).as("once done, what the run answered")
                        .isEqualTo("1 of 1 probes passed.");

                String click = SignedSlackRequests.blockAction(SlackIds.probe(id, SlackIds.ALL_PROBES), null, "U0RM00001",
                        "C0WEB0001", "r3");
                assertThat(requests.send(click).statusCode()).isEqualTo(200);
                assertThat(retry(requests, click).statusCode()).isEqualTo(200);
                awaitProbeEvents(releases, id, 2);
                Thread.sleep(1000);
                assertThat(slack.calls("chat.postEphemeral")).extracting(c -> c.param("text"))
                        .anyMatch(t -> t.startsWith("Running 1 probe: health."))
                        .anyMatch(t -> t.startsWith("These probes are already running for this request"));
                assertThat(target.getRequestCount()).as("requests the target received: one per command, one per click")
                        .isEqualTo(2);
                assertThat(releases.events(id).stream().filter(e -> e.type().startsWith("probe."))).hasSize(2);
            }
        }
    }

    private static java.net.http.HttpResponse<String> retry(SignedSlackRequests requests, String body) {
        long now = System.currentTimeMillis() / 1000;
        return requests.send(body, now, SignedSlackRequests.signature(SlackTestBase.SECRET, now, body), "1");
    }

    @Test
    void anAbortCriterionFiringAfterTheGoIsPostedInTheThreadAndChannel() throws Exception {
        try (FakeSlack slack = new FakeSlack().start(); MockWebServer target = new MockWebServer()) {
            target.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            target.enqueue(new MockResponse.Builder().code(500).body("down").build());
            target.start(InetAddress.getLoopbackAddress(), 0);
            Map<String, Object> properties = properties(slack, target.url("/health").toString());
            Files.writeString(dir.resolve("manifests").resolve("web.yaml"), Files.readString(dir.resolve("manifests")
                    .resolve("web.yaml")) + "watch: { every: 1s, probes: [health] }\nrollback: { decision-owner: qa-lead }\n");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                var context = server.getApplicationContext();
                ReleaseService releases = context.getBean(ReleaseService.class);
                SignedSlackRequests requests = new SignedSlackRequests(server.getURI(), SlackTestBase.SECRET);
                requests.send(SignedSlackRequests.slashCommand("/release", "start v2.0.0", "U0RM00001", "C0WEB0001", "w1"));
                String id = releases.list(Optional.of("web")).getFirst().release().id();
                context.getBean(dev.countdown.probe.ProbeService.class).run(id, java.util.List.of(),
                        new dev.countdown.release.Actor(dev.countdown.release.IdentitySource.SLACK, "U0RM00001", "rm",
                                java.util.Set.of()), "w2", null);
                requests.send(SignedSlackRequests.blockAction(SlackIds.vote(id, true, "qa-lead"), null, "U0QA00001",
                        "C0WEB0001", "w3"));
                assertThat(SlackTestBase.answer(requests.send(SignedSlackRequests.slashCommand("/release", "decide",
                        "U0RM00001", "C0WEB0001", "w4")))).contains("Release decision: GO");
                // the GO put the watch on the scheduler: its first run finds the 500
                context.getBean(ChatDispatcher.class).drain();
                String rootTs = slack.channel("C0WEB0001").getFirst().ts();
                FakeSlack.Message alert = awaitMessage(context.getBean(ChatDispatcher.class), slack, rootTs,
                        "Abort criterion fired for web v2.0.0: health");
                assertThat(alert.broadcast()).isTrue();
                assertThat(alert.visibleText()).contains("500", "Rollback recommended");

                String startRollback = alert.blocks().findValues("action_id").stream().map(n -> n.asText())
                        .filter(a -> a.endsWith("|rollback|release")).findFirst().orElseThrow();
                requests.send(SignedSlackRequests.blockAction(startRollback, null, "U0STRANGER", "C0WEB0001", "w5"));
                assertThat(slack.await("chat.postEphemeral", Duration.ofSeconds(5)).param("text"))
                        .contains("You may not start a rollback of web.", "<@U0QA00001>");
                requests.send(SignedSlackRequests.blockAction(startRollback, null, "U0QA00001", "C0WEB0001", "w6"));
                assertThat(awaitEphemeral(slack, "U0QA00001")).startsWith("Rollback of web v2.0.0 started");
                assertThat(releases.list(Optional.of("web"))).filteredOn(l -> l.release().isRollback()).hasSize(1);
            }
        }
    }

    /** The text of the first ephemeral answer to {@code user}. */
    private static String awaitEphemeral(FakeSlack slack, String user) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            Optional<String> text = slack.calls("chat.postEphemeral").stream().filter(c -> user.equals(c.param("user")))
                    .map(c -> c.param("text")).findFirst();
            if (text.isPresent()) {
                return text.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer to " + user);
    }

    private static void awaitProbeEvents(ReleaseService releases, String id, int count) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            if (releases.events(id).stream().filter(e -> e.type().startsWith("probe.")).count() >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the probe never ran");
    }

    private static FakeSlack.Message awaitMessage(ChatDispatcher dispatcher, FakeSlack slack, String rootTs, String text)
            throws InterruptedException {
        for (int k = 0; k < 100; k++) {
            dispatcher.drain();
            if (slack.thread(rootTs).stream().anyMatch(m -> m.visibleText().contains(text))) {
                return slack.find(rootTs, text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message with " + text + " in " + slack.thread(rootTs));
    }

    private Map<String, Object> properties(FakeSlack slack, String healthUrl) throws Exception {
        Map<String, Object> properties = ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n",
                ServiceFixture.webManifest(healthUrl, ""));
        properties.putAll(slack.appSettings(SlackTestBase.SECRET));
        return properties;
    }
}

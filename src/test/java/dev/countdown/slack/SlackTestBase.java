package dev.countdown.slack;

import dev.countdown.chat.ChatDispatcher;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.MutableClock;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/** The real Bolt app inside the service, a fake Slack on loopback, signed requests, a clock to move. */
abstract class SlackTestBase implements TestPropertyProvider {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String CHANNEL = "C0SHOP001";
    static final String RM = "U0RM00001";
    static final String QA = "U0QA00001";

    final FakeSlack slack = new FakeSlack().start();
    private final AtomicInteger triggers = new AtomicInteger();

    @Inject
    EmbeddedServer server;
    @Inject
    ChatDispatcher dispatcher;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.putAll(slack.appSettings(SECRET));
        properties.put("countdown.chat.poll", "1h");
        properties.put("countdown.chat.initial-delay", "1h");
        properties.put("test.clock", "mutable");
        slack.groupMembers("S0QATEAM1", List.of("U0QA00002"));
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    SignedSlackRequests requests() {
        return new SignedSlackRequests(server.getURI(), SECRET);
    }

    HttpResponse<String> command(String text, String user) {
        return signedNow(SignedSlackRequests.slashCommand("/release", text, user, CHANNEL, trigger()));
    }

    /** What the user sees of an acknowledgement: its text. */
    static String answer(HttpResponse<String> ack) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ack.body()).path("text").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + ack.body(), e);
        }
    }

    HttpResponse<String> click(String actionId, String selected, String user) {
        return signedNow(SignedSlackRequests.blockAction(actionId, selected, user, CHANNEL, trigger()));
    }

    /**
     * Slack signs with the time it sends; Countdown checks it against its own clock, which the
     * tests move: signed at that clock's time, a request stays fresh however far a test moved it.
     */
    HttpResponse<String> signedNow(String body) {
        long now = clock.instant().getEpochSecond();
        return requests().send(body, now, SignedSlackRequests.signature(SECRET, now, body), null);
    }

    /** Moves the clock to {@code instant}, forward only: posts wait for a clock that went back. */
    void at(String instant) {
        clock.advance(java.time.Duration.between(clock.instant(), java.time.Instant.parse(instant)));
    }

    /** A second later, the outbox delivers what is due. */
    void deliver() {
        clock.advance(Duration.ofMillis(1100));
        dispatcher.drain();
    }

    String trigger() {
        return "trigger-" + getClass().getSimpleName() + "-" + triggers.incrementAndGet();
    }
}

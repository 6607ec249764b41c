package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.release.ReleaseService;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requests Slack did not sign, signed too long ago or ahead, malformed, or sent twice change nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRequestSafetyTest extends SlackTestBase {

    @Inject
    ReleaseService releases;

    @Test
    void unsignedStaleFutureAndMalformedRequestsAreRefused() {
        String body = SignedSlackRequests.slashCommand("/release", "start v9.0.0", RM, CHANNEL, trigger());
        long now = System.currentTimeMillis() / 1000;
        SignedSlackRequests slack = requests();
        assertThat(slack.send(body, now, "v0=" + "0".repeat(64), null).statusCode()).isEqualTo(401);
        assertThat(slack.send(body, now, SignedSlackRequests.signature("another secret", now, body), null).statusCode())
                .isEqualTo(401);
        assertThat(slack.send(body, now - 600, SignedSlackRequests.signature(SECRET, now - 600, body), null).statusCode())
                .as("ten minutes old").isEqualTo(401);
        assertThat(slack.send(body, now + 600, SignedSlackRequests.signature(SECRET, now + 600, body), null).statusCode())
                .as("ten minutes ahead").isEqualTo(401);
        String tampered = body.replace("v9.0.0", "v9.0.1");
        assertThat(slack.send(tampered, now, SignedSlackRequests.signature(SECRET, now, body), null).statusCode())
                .isEqualTo(401);
        assertThat(slack.send("payload=%7Bnot-json", now, SignedSlackRequests.signature(SECRET, now, "payload=%7Bnot-json"),
                null).statusCode()).isEqualTo(400);
        assertThat(releases.list(Optional.of("shop"))).as("nothing started").isEmpty();
    }

    @Test
    void theSlackPublishedSignatureVectorMatches() {
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertThat(SignedSlackRequests.signature(SECRET, 1531420618, body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void aRetriedRequestHasOneEffect() {
        String body = SignedSlackRequests.slashCommand("/release", "start v8.0.0", RM, CHANNEL, "trigger-retried");
        long now = System.currentTimeMillis() / 1000;
        String signature = SignedSlackRequests.signature(SECRET, now, body);
        assertThat(answer(requests().send(body, now, signature, null))).contains("started");
        assertThat(answer(requests().send(body, now, signature, "1"))).doesNotContain("already exists");
        assertThat(releases.list(Optional.of("shop"))).hasSize(1);
        String id = releases.list(Optional.of("shop")).getFirst().release().id();
        String click = SignedSlackRequests.blockAction(SlackIds.vote(id, true, "qa-lead"), null, QA, CHANNEL, "trigger-click");
        requests().send(click);
        requests().send(click, System.currentTimeMillis() / 1000,
                SignedSlackRequests.signature(SECRET, System.currentTimeMillis() / 1000, click), "1");
        assertThat(releases.events(id)).extracting(e -> e.type()).containsExactly("release.started", "role.approved");
    }
}

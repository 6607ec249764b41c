package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.evidence.AuditEvent;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed requests with fields missing or too long: a clear answer (an ephemeral text, a 400 for a
 * click, a field error in a form), never a 500, and nothing changed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackBadInputTest extends SlackTestBase {

    private static final String LONG_ID = "U" + "9".repeat(149);

    @Inject
    ReleaseService releases;

    @Test
    void aCommandWithoutItsChannelOrUserOrWithAnOverLongUserIdIsAnswered() {
        String body = SignedSlackRequests.slashCommand("/release", "start v9.0.0", RM, CHANNEL, trigger());
        HttpResponse<String> noChannel = requests().send(body.replace("channel_id=" + CHANNEL + "&", ""));
        assertThat(noChannel.statusCode()).isEqualTo(200);
        assertThat(answer(noChannel)).isEqualTo("Countdown could not read this command: channel_id is missing.");
        assertThat(answer(requests().send(body.replace("user_id=" + RM + "&", ""))))
                .isEqualTo("Countdown could not read this command: user_id is missing.");
        HttpResponse<String> longId = requests().send(SignedSlackRequests.slashCommand("/release", "start v9.0.0",
                LONG_ID, CHANNEL, trigger()));
        assertThat(longId.statusCode()).isEqualTo(200);
        assertThat(answer(longId)).startsWith("Countdown could not read this command: user_id may be at most 100 "
                + "characters; got 150: 'U999").doesNotContain(LONG_ID);
        HttpResponse<String> longVersion = command("start v" + "1".repeat(1 << 20), RM);
        assertThat(answer(longVersion)).startsWith("Version may be at most 64 characters; got 1,048,577: 'v111");
        assertThat(longVersion.body().length()).isLessThan(300);
        assertThat(releases.list(Optional.of("shop")).stream().map(r -> r.release().version())).doesNotContain("v9.0.0");
    }

    @Test
    void anOverLongSlackNameIsCutToFitAndTheCommandOrClickWorks() {
        String name = "n".repeat(300);
        String body = SignedSlackRequests.slashCommand("/release", "start v9.1.0", RM, CHANNEL, trigger())
                .replace("user_name=" + RM.toLowerCase(), "user_name=" + name);
        assertThat(answer(requests().send(body))).isEqualTo("Release shop v9.1.0 started.");
        String id = releaseId("v9.1.0");
        String click = rename(SignedSlackRequests.blockAction(SlackIds.vote(id, true, "qa-lead"), null, QA, CHANNEL,
                trigger()), QA, name);
        assertThat(requests().send(click).statusCode()).isEqualTo(200);
        List<AuditEvent> events = releases.events(id);
        assertThat(events).extracting(AuditEvent::type).containsExactly("release.started", "role.approved");
        assertThat(events).allSatisfy(e -> assertThat(e.actorName()).hasSize(200).startsWith("nnnn").endsWith("…"));
    }

    @Test
    void aClickFromAnOverLongUserIdIsABadRequestAndChangesNothing() {
        command("start v9.2.0", RM);
        String id = releaseId("v9.2.0");
        HttpResponse<String> click = click(SlackIds.vote(id, true, "qa-lead"), null, LONG_ID);
        assertThat(click.statusCode()).isEqualTo(400);
        assertThat(click.body()).contains("Countdown could not read this request: user.id may be at most 100 characters")
                .doesNotContain(LONG_ID);
        assertThat(releases.events(id)).extracting(AuditEvent::type).containsExactly("release.started");
    }

    @Test
    void anOverLongNoteOrReasonIsRefusedWithTheLimitAndNothingIsStored() throws Exception {
        command("start v9.3.0", RM);
        String id = releaseId("v9.3.0");
        String note = "y".repeat(4000);
        HttpResponse<String> submitted = requests().send(SignedSlackRequests.viewSubmission(SlackIds.NOTE_CALLBACK,
                id + "|full-rollout.smoke-tests-pass|fail", "note", "text", note, QA, "V-long"));
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode form = new ObjectMapper().readTree(submitted.body());
        assertThat(form.get("response_action").asText()).isEqualTo("errors");
        assertThat(form.at("/errors/note").asText()).startsWith("Note may be at most 3,000 characters; got 4,000: 'yyy")
                .hasSizeLessThan(200);

        String cancelled = answer(command("cancel " + "z".repeat(4000), RM));
        assertThat(cancelled).startsWith("Reason may be at most 3,000 characters; got 4,000").hasSizeLessThan(200);
        assertThat(releases.find(id).orElseThrow().release().state().label()).isEqualTo("open");
        assertThat(releases.events(id)).extracting(AuditEvent::type).containsExactly("release.started");
    }

    private String releaseId(String version) {
        return releases.list(Optional.of("shop")).stream().filter(r -> r.release().version().equals(version))
                .findFirst().orElseThrow().release().id();
    }

    /** The same click, from a user whose Slack name is {@code name}. */
    private static String rename(String form, String user, String name) {
        String payload = URLDecoder.decode(form.substring("payload=".length()), StandardCharsets.UTF_8)
                .replace("\"name\":\"" + user + "\"", "\"name\":\"" + name + "\"");
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }
}

package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.chat.ActionRef;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseView.RollbackView;
import dev.countdown.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a person may do about a rollback's action that did not succeed, which the deploy system in
 * {@link DiscordRollbackTest} never lets happen: Confirm and Run again, as Slack's verbs, within
 * Discord's 100 characters even for the longest release id.
 */
class DiscordRollbackComponentsTest {

    private static final String LONGEST_ID = "r".repeat(dev.countdown.release.Limits.RELEASE_ID);

    @Test
    void aFailedOrUnknownRunOffersConfirmAndRunAgain() throws Exception {
        JsonNode failed = body(DiscordRenderer.approvals(view(LONGEST_ID, "failed", "webhook")));
        assertThat(failed.toString()).contains("Rollback action** (webhook): **failed**");
        assertThat(buttons(failed)).containsExactly(
                "Confirm rolled back=" + ActionRef.action(LONGEST_ID, false).encode() + " style 3",
                "Run action again=" + ActionRef.action(LONGEST_ID, true).encode() + " style 4");
        assertThat(buttons(failed)).allMatch(b -> b.split("=")[1].split(" ")[0].length() <= DiscordIds.MAX);

        JsonNode unknown = body(DiscordRenderer.approvals(view("rb1", "unknown", "webhook")));
        assertThat(unknown.toString()).contains("may or may not have run", "same Idempotency-Key");
        assertThat(buttons(unknown)).hasSize(2);

        assertThat(buttons(body(DiscordRenderer.approvals(view("rb1", "requested", "none")))))
                .as("people do the steps, then confirm").containsExactly(
                        "Confirm rolled back=" + ActionRef.action("rb1", false).encode() + " style 3");
        assertThat(buttons(body(DiscordRenderer.approvals(view("rb1", "succeeded", "webhook"))))).isEmpty();
    }

    @Test
    void anAlertOffersStartRollbackOnlyWhileNoneUndoesTheRelease() throws Exception {
        ReleaseView.AlertView alert = new ReleaseView.AlertView(1, "health", "HTTP 500", Instant.EPOCH);
        ReleaseView plain = release(LONGEST_ID, Optional.empty());
        assertThat(buttons(body(DiscordRenderer.alert(plain, alert)))).containsExactly(
                "Start rollback=" + ActionRef.rollback(LONGEST_ID).encode() + " style 4");
        ReleaseView undone = release(LONGEST_ID, Optional.of(new RollbackView(false, "rb1", "v1", "webhook",
                Optional.empty(), 0, "")));
        assertThat(buttons(body(DiscordRenderer.alert(undone, alert)))).isEmpty();
    }

    private static ReleaseView view(String id, String run, String type) {
        return release(id, Optional.of(new RollbackView(true, "rel1", "v1.0.0", type, Optional.of(run), 1,
                "HTTP 500 from the deploy system")));
    }

    private static ReleaseView release(String id, Optional<RollbackView> rollback) {
        return new ReleaseView(id, "web", "v1.0.0", "rolling-back", true, 1, "Rollback decision",
                new ReleaseView.Counters(0, 0, 0, 0, 1, 1), List.of(), List.of(), List.of(), List.of(), List.of(),
                false, rollback, List.of(), Optional.empty());
    }

    private static JsonNode body(dev.countdown.chat.ChatClient.Outgoing outgoing) throws Exception {
        return Json.MAPPER.readTree(outgoing.body());
    }

    /** Each button as label=custom_id style n. */
    private static List<String> buttons(JsonNode body) {
        List<String> buttons = new ArrayList<>();
        body.findParents("custom_id").forEach(b -> buttons.add(b.path("label").asText() + "="
                + b.path("custom_id").asText() + " style " + b.path("style").asInt()));
        return buttons;
    }
}

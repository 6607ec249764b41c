package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the record says, as Slack, the REST API and the evidence show it: who did what, when, and every note. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackRecordTest extends SlackTestBase {

    private static final String CANARY = "canary.canary-deployed-to-5-of-traffic";
    private static final String ERRORS = "canary.error-rate-below-1";

    @Test
    void aNoteLeavesWhoAndWhenAloneAndSurvivesLaterChanges() {
        String rootTs = start("v1.0.0");
        String id = releaseId(rootTs);
        click(SlackIds.item(id, CANARY), "pass", RM);
        note(id, CANARY, "note", "rolled out by the pipeline", QA, "V-note");
        note(id, ERRORS, "fail", "error rate 3% in eu-west", QA, "V-fail");
        click(SlackIds.item(id, ERRORS), "pass", RM);
        deliver();

        String canary = slack.find(rootTs, "*Canary*").visibleText();
        assertThat(canary).as("a note does not change who set the item")
                .contains("Canary deployed to 5% of traffic\n_passed by U0RM00001 at ")
                .containsPattern("Note by U0QA00001 at \\d\\d:\\d\\d UTC: rolled out by the pipeline")
                .doesNotContain("pass by").doesNotContain("passed by U0QA00001");
        assertThat(canary).as("a failure reason outlives the failure it explained")
                .contains("Error rate below 1%\n_passed by U0RM00001 at ")
                .containsPattern("Failure reason by U0QA00001 at \\d\\d:\\d\\d UTC: error rate 3% in eu-west");

        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
        JsonNode rest = item(api.get("/api/releases/" + id).json().path("sections"), CANARY);
        assertThat(rest.get("state").asText()).isEqualTo("pass");
        assertThat(rest.get("by").asText()).contains("U0RM00001");
        assertThat(rest.at("/notes/0/text").asText()).isEqualTo("rolled out by the pipeline");
        assertThat(rest.at("/notes/0/by").asText()).contains("U0QA00001");
        JsonNode errors = item(api.get("/api/releases/" + id).json().path("sections"), ERRORS);
        assertThat(errors.get("by").asText()).contains("U0RM00001");
        assertThat(errors.at("/notes/0/text").asText()).isEqualTo("error rate 3% in eu-west");
        assertThat(errors.at("/notes/0/state").asText()).isEqualTo("fail");
        assertThat(errors.get("notes")).hasSize(1);

        JsonNode bundle = api.get("/api/releases/" + id + "/evidence.json").json();
        JsonNode sealed = item(bundle.path("sections"), CANARY);
        assertThat(sealed.get("by").asText()).contains("U0RM00001");
        assertThat(sealed.at("/notes/0/by").asText()).contains("U0QA00001");
        String md = api.get("/api/releases/" + id + "/evidence.md").body();
        assertThat(md).contains("Canary deployed to 5% of traffic — **pass**, passed by U0RM00001 (slack U0RM00001)")
                .contains("  - Note by U0QA00001 (slack U0QA00001), ")
                .contains("Error rate below 1% — **pass**, passed by U0RM00001")
                .contains("  - Failure reason by U0QA00001 (slack U0QA00001), ");
        assertThat(md.substring(md.indexOf("## Checklist"), md.indexOf("## Probes")))
                .contains("error rate 3% in eu-west", "rolled out by the pipeline");
        String dashboard = api.get("/releases/" + id + "/live").body();
        assertThat(dashboard).as("the dashboard says the same").contains("passed by U0RM00001")
                .contains("Note by U0QA00001 at ").contains("Failure reason by U0QA00001 at ")
                .doesNotContain("> by U0");
    }

    @Test
    void aDecidedGateSaysWhoDecidedAndTheButtonsThatCannotBeUndoneAskFirst() {
        String rootTs = start("v2.0.0");
        String id = releaseId(rootTs);
        JsonNode buttons = actions(slack.find(rootTs, "*Approvals*"));
        JsonNode decide = button(buttons, SlackIds.decide(id, "Canary Go/No-Go", false));
        assertThat(decide.at("/confirm/title/text").asText()).isEqualTo("Decide Canary Go/No-Go?");
        assertThat(decide.at("/confirm/text/text").asText()).contains("cannot be undone");
        assertThat(decide.at("/confirm/confirm/text").asText()).isEqualTo("Decide");
        assertThat(decide.at("/confirm/deny/text").asText()).isEqualTo("Not now");
        assertThat(button(buttons, SlackIds.decide(id, "Canary Go/No-Go", true)).at("/confirm/confirm/text").asText())
                .as("the manifest allows an override").isEqualTo("Override");
        assertThat(button(buttons, SlackIds.cancel(id)).at("/confirm/text/text").asText()).contains("cannot be reopened");
        assertThat(slack.find(rootTs, "*Canary*").visibleText()).contains("Gate: Canary Go/No-Go — /release decide polls it");

        click(SlackIds.item(id, CANARY), "pass", RM);
        click(SlackIds.item(id, ERRORS), "pass", QA);
        click(SlackIds.decide(id, "Canary Go/No-Go", false), null, RM);
        deliver();
        assertThat(slack.find(rootTs, "Canary Go/No-Go: GO").visibleText()).contains("decided by U0RM00001");
        assertThat(slack.find(rootTs, "*Canary*").visibleText())
                .containsPattern("Gate: Canary Go/No-Go — GO by U0RM00001 at \\d\\d:\\d\\d UTC")
                .doesNotContain("polls it");
        assertThat(button(actions(slack.find(rootTs, "*Approvals*")), SlackIds.decide(id, "Release decision", false))
                .at("/text/text").asText()).isEqualTo("Decide Release decision");

        click(SlackIds.decide(id, "Canary Go/No-Go", false), null, RM);
        FakeSlack.Call stale = slack.await("chat.postEphemeral", Duration.ofSeconds(5));
        assertThat(stale.param("text")).contains("already decided", "now at Release decision");
        JsonNode release = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN).get("/api/releases/" + id).json();
        assertThat(release.get("decisions")).as("a stale button decides nothing").hasSize(1);
        assertThat(release.get("state").asText()).isEqualTo("open");

        click(SlackIds.cancel(id), null, RM);
        deliver();
        assertThat(slack.channel(CHANNEL).stream().filter(m -> m.ts().equals(rootTs)).findFirst().orElseThrow()
                .visibleText()).contains("cancelled");
    }

    @Test
    void someoneWhoMayNotStartIsRefusedBeforeBeingToldTheReleaseExists() {
        start("v3.0.0");
        String answer = answer(command("start v3.0.0", QA));
        assertThat(answer).contains("You may not start a release of shop").contains("<@U0RM00001>")
                .doesNotContain("already exists");
        assertThat(answer(command("start v3.0.0", RM))).as("the starter still hears it").contains("already exists");
    }

    @Test
    void theHelpIsAListThatNeedsNoFixedWidthFont() {
        String help = answer(command("help", RM));
        assertThat(help).contains("• /release decide [override]: polls the current gate, or the release",
                "• /release start [service] &lt;version&gt;: opens a release and its thread");  // escaped for mrkdwn: Slack shows <version>
        assertThat(help.lines()).as("no column aligned with spaces").noneMatch(line -> line.contains("  "));
    }

    private String start(String version) {
        assertThat(answer(command("start " + version, RM))).contains("started");
        deliver();
        List<FakeSlack.Message> roots = new ArrayList<>(slack.channel(CHANNEL));
        roots.sort(java.util.Comparator.comparing(FakeSlack.Message::ts));
        return roots.getLast().ts();
    }

    private String releaseId(String rootTs) {
        return SlackIdsTestAccess.releaseIdIn(slack.find(rootTs, "Canary deployed to 5% of traffic"));
    }

    private void note(String releaseId, String itemId, String kind, String text, String user, String viewId) {
        assertThat(requests().send(SignedSlackRequests.viewSubmission(SlackIds.NOTE_CALLBACK,
                releaseId + "|" + itemId + "|" + kind, "note", "text", text, user, viewId)).statusCode()).isEqualTo(200);
    }

    private static JsonNode actions(FakeSlack.Message message) {
        List<JsonNode> elements = new ArrayList<>();
        message.blocks().forEach(b -> b.path("elements").forEach(elements::add));
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(elements);
    }

    private static JsonNode button(JsonNode elements, String actionId) {
        for (JsonNode e : elements) {
            if (e.path("action_id").asText().equals(actionId)) {
                return e;
            }
        }
        throw new AssertionError("no button " + actionId + " in " + elements);
    }

    static JsonNode item(JsonNode sections, String itemId) {
        for (JsonNode section : sections) {
            for (JsonNode item : section.path("items")) {
                if (item.path("id").asText().equals(itemId)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + itemId + " in " + sections);
    }
}

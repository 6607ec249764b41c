package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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

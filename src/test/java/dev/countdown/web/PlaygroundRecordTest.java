package dev.countdown.web;

import static dev.countdown.web.PlaygroundClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The playground's channel says who did what as Slack does: "passed by", each note with its author, a decided gate. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundRecordTest implements TestPropertyProvider {

    private static final String CHANNEL = "C0SHOP001";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.withPlayground();
    }

    @Test
    void itemsSayWhatWasDoneAndByWhomAndNotesKeepTheirAuthors() throws Exception {
        PlaygroundClient playground = new PlaygroundClient(server.getURI());
        assertThat(playground.type(CHANNEL, "U0RM00001", "/release start v1.0.0").said()).contains("started");
        String id = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN).get("/api/releases").json()
                .findValues("id").getFirst().asText();
        playground.click(CHANNEL, "U0RM00001", id, "item", "canary.canary-deployed-to-5-of-traffic", "pass");
        playground.post("/playground/click", form("channel", CHANNEL, "user", "U0QA00001", "release", id, "verb", "item",
                "target", "canary.canary-deployed-to-5-of-traffic", "value", "note", "note", "seen in the dashboard"));
        playground.click(CHANNEL, "U0QA00001", id, "item", "canary.error-rate-below-1", "n/a");
        assertThat(playground.type(CHANNEL, "U0RM00001", "/release decide").said()).contains("Canary Go/No-Go: GO");

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURI()
                + "/playground?channel=" + CHANNEL + "&user=U0RM00001")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String canary = page.substring(page.indexOf("Canary deployed to 5% of traffic"), page.indexOf("<p class=\"gate\">"));
        assertThat(canary).contains("passed by U0RM00001").contains("Note by U0QA00001 at ")
                .contains("seen in the dashboard").contains("marked n/a by U0QA00001")
                .doesNotContain(">pass by").doesNotContain(">n/a by");
        assertThat(page).contains("<p class=\"gate\">Gate: Canary Go/No-Go — GO by ")
                .doesNotContain("Gate: Canary Go/No-Go — <code>/release decide</code> polls it");
    }
}

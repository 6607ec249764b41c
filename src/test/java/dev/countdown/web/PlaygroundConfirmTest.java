package dev.countdown.web;

import static dev.countdown.web.PlaygroundClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.CountdownTestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The playground's Decide and Cancel buttons, as in Slack: posted from their confirmation dialogs, for the gate shown. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundConfirmTest implements TestPropertyProvider {

    private static final String CHANNEL = "C0SHOP001";
    private static final String RM = "U0RM00001";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.withPlayground();
    }

    @Test
    void decideAndCancelArePostedFromTheirDialogsForTheGateTheyWereShownFor() throws Exception {
        PlaygroundClient playground = new PlaygroundClient(server.getURI());
        playground.type(CHANNEL, RM, "/release start v1.0.0");
        String page = page();
        assertThat(page).contains("<h3 class=\"modal-title\" id=\"confirm-decide-title\">Decide Canary Go/No-Go?</h3>",
                "A cancelled release cannot be reopened.");
        String release = field(page, "confirm-decide", "release");
        String canary = field(page, "confirm-decide", "target");
        playground.click(CHANNEL, RM, release, "item", "canary.canary-deployed-to-5-of-traffic", "pass");
        playground.click(CHANNEL, RM, release, "item", "canary.error-rate-below-1", "pass");

        assertThat(playground.click(CHANNEL, RM, release, "decide", canary, null).status()).isEqualTo(303);
        assertThat(page()).contains("<p class=\"gate\">Gate: Canary Go/No-Go — GO by U0RM00001", "Decide Release decision?");
        assertThat(playground.click(CHANNEL, RM, release, "decide", canary, null).said())
                .as("a dialog left open on the decided gate decides no other")
                .contains("That button was for a gate already decided");

        assertThat(playground.post("/playground/click", form("channel", CHANNEL, "user", RM, "release", release,
                "verb", field(page(), "confirm-cancel", "verb"), "target", field(page(), "confirm-cancel", "target")))
                .status()).isEqualTo(303);
        assertThat(page()).contains("<span class=\"state-badge small state-cancelled\">CANCELLED</span>")
                .doesNotContain("id=\"confirm-cancel\"");
    }

    /** A hidden field of the form in the dialog {@code dialog}. */
    private static String field(String page, String dialog, String name) {
        String form = page.substring(page.indexOf("<dialog class=\"modal\" id=\"" + dialog + "\""));
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(form);
        assertThat(m.find()).as(dialog + " has " + name).isTrue();
        return m.group(1);
    }

    private String page() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/playground?channel="
                + CHANNEL + "&user=" + RM)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

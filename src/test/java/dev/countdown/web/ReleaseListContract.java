package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's list, paged and filtered by the database: the same test on H2 and on
 * PostgreSQL (see the subclasses), read as the page a browser gets.
 */
abstract class ReleaseListContract {

    private static final Pattern ROW = Pattern.compile("<a href=\"/releases/[^\"]+\">([^<]+)</a>");

    @Inject
    EmbeddedServer server;

    @BeforeAll
    void fiftyThreeReleasesOneCancelled() {
        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
        String last = "";
        for (int k = 1; k <= 53; k++) {
            var started = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v1." + k + ".0\",\"actor\":"
                    + actor("slack", "U0RM00001") + "}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            last = started.json().at("/release/id").asText();
        }
        assertThat(api.post("/api/releases/" + last + "/cancel", "{\"reason\":\"wrong build\",\"actor\":"
                + actor("slack", "U0RM00001") + "}").status()).isEqualTo(200);
    }

    @Test
    void aPageHoldsFiftyNewestFirstAndTheNextTheRest() throws Exception {
        String first = page("/");
        assertThat(first).contains("Releases 1–50 of 53, newest first", "Page 1 of 2", "Older →").doesNotContain("← Newer");
        assertThat(versions(first)).hasSize(50).startsWith("v1.53.0", "v1.52.0").endsWith("v1.4.0");
        String second = page("/?page=2");
        assertThat(second).contains("Releases 51–53 of 53, newest first", "Page 2 of 2", "← Newer");
        assertThat(versions(second)).containsExactly("v1.3.0", "v1.2.0", "v1.1.0");
        assertThat(versions(page("/?page=99"))).as("past the end: the last page").containsExactly("v1.3.0", "v1.2.0", "v1.1.0");
        assertThat(versions(page("/?page=2147483647"))).as("no overflow").containsExactly("v1.3.0", "v1.2.0", "v1.1.0");
        assertThat(versions(page("/?page=-3"))).hasSize(50).startsWith("v1.53.0");
    }

    @Test
    void filtersAreTheDatabasesAndKeptAcrossPages() throws Exception {
        assertThat(versions(page("/?state=cancelled"))).containsExactly("v1.53.0");
        assertThat(page("/?state=open")).contains("Releases 1–50 of 52",
                "href=\"/?service=&amp;state=open&amp;version=&amp;page=2\"");
        assertThat(versions(page("/?version=1.5"))).containsExactly("v1.53.0", "v1.52.0", "v1.51.0", "v1.50.0", "v1.5.0");
        assertThat(versions(page("/?version=V1.1.&service=shop"))).as("case-insensitive").containsExactly("v1.1.0");
        assertThat(page("/?service=crowd")).contains("No release matches.");
        assertThat(page("/?version=%25")).as("% is a character, not a wildcard").contains("No release matches.");
        assertThat(page("/?version=v1._.0")).as("_ is a character, not a wildcard").contains("No release matches.");
    }

    private static List<String> versions(String page) {
        return ROW.matcher(page).results().map(m -> m.group(1)).toList();
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve(path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}

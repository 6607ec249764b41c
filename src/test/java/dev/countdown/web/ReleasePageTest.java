package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release page as served: a probe's evidence and its age, and the checklist's Markdown made safe. */
class ReleasePageTest {

    private static final String RM = actor("slack", "U0RM00001");

    @TempDir
    Path dir;

    @Test
    void probesShowTheirEvidenceStaleInAmberAndItemsTheirMarkdown() throws Exception {
        try (MockWebServer target = new MockWebServer()) {
            target.enqueue(new MockResponse.Builder().code(200).body("up").build());
            target.start(InetAddress.getLoopbackAddress(), 0);
            var properties = ServiceFixture.write(dir, """
                    # Web

                    ## Checks

                    - [ ] /health returns 200
                    - [ ] Read the [runbook](https://runbook.example/web) and run `kubectl rollout status`
                    - [ ] Never a [link](javascript:alert(1)) nor <b>markup</b>
                    """, ServiceFixture.webManifest(target.url("/health").toString(), "")
                    .replace("timeout: 2s", "timeout: 2s\n    freshness: 1s"));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
                String id = api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":" + RM + "}")
                        .json().at("/release/id").asText();
                String before = api.get("/releases/" + id).body();
                assertThat(before).contains("<span class=\"pill pill-none\">not run</span> <strong>health</strong>");
                assertThat(before).contains("Read the <a href=\"https://runbook.example/web\" rel=\"noopener noreferrer\">"
                        + "runbook</a> and run <code>kubectl rollout status</code>")
                        .contains("Never a [link](javascript:alert(1)) nor &lt;b&gt;markup&lt;/b&gt;")
                        .doesNotContain("href=\"javascript");

                assertThat(api.post("/api/releases/" + id + "/probes", "{\"actor\":" + RM + "}").status()).isEqualTo(200);
                String fresh = probe(api.get("/releases/" + id).body());
                assertThat(fresh).startsWith("<li class=\"probe\" data-probe=\"health\">")
                        .contains("pill-pass", "evidence <time datetime=", "by U0RM00001").doesNotContain("stale");

                Thread.sleep(1_200);
                String stale = probe(api.get("/releases/" + id).body());
                assertThat(stale).startsWith("<li class=\"probe stale\" data-probe=\"health\">")
                        .contains("<span class=\"stale-label\">stale</span>");
            }
        }
    }

    private static String probe(String page) {
        int at = page.indexOf("<li class=\"probe");
        return page.substring(at, page.indexOf("</li>", at));
    }
}

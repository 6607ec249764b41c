package dev.countdown.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.bench.AckBenchmark.Click;
import dev.countdown.support.ApiClient;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import dev.countdown.support.TestPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Countdown's side of the benchmark: its environment, the releases the clicks go to, and a check that they count. */
final class Countdowns {

    static final String API_TOKEN = "bench-api-token";

    private Countdowns() {
    }

    /** As an operator configures it: environment variables only; "postgres" gets a database of its own. */
    static Map<String, String> environment(Path work, String target, FakeSlack slack, String secret,
                                           Map<String, String> extra) {
        Path root = Path.of("src", "test", "resources", "chatlayer").toAbsolutePath();
        Map<String, String> env = new HashMap<>();
        env.put("COUNTDOWN_MANIFESTS_DIR", root.resolve("manifests").toString());
        env.put("COUNTDOWN_TEMPLATES_DIR", root.resolve("checklist-templates").toString());
        env.put("COUNTDOWN_API_TOKEN", API_TOKEN);
        env.put("COUNTDOWN_PLAYGROUND", "off");
        env.put("SLACK_BOT_TOKEN", "xoxb-bench");
        env.put("SLACK_SIGNING_SECRET", secret);
        env.put("SLACK_API_URL", slack.apiUrl());
        switch (target) {
            case "h2" -> env.put("COUNTDOWN_DB_URL", "jdbc:h2:file:" + work.resolve("data").resolve("countdown")
                    + System.getProperty("bench.h2", ""));
            case "postgres" -> {
                Map<String, String> db = TestPostgres.newDatabase();
                env.put("COUNTDOWN_DB_URL", db.get("datasources.default.url"));
                env.put("COUNTDOWN_DB_USER", db.get("datasources.default.username"));
                env.put("COUNTDOWN_DB_PASSWORD", db.get("datasources.default.password"));
            }
            default -> throw new IllegalArgumentException("unknown target " + target + ": floor, h2 or postgres");
        }
        env.putAll(extra);
        return env;
    }

    /** Starts {@code count} releases through the API; the clicks go to releases in turn, then items in turn. */
    static List<Click> startReleases(URI base, int count, String releaseManager) {
        ApiClient api = new ApiClient(base, API_TOKEN);
        List<List<String>> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            ApiClient.Response started = api.post("/api/releases", "{\"service\":\"long\",\"version\":\"v1." + r
                    + ".0\",\"actor\":" + ApiClient.actor("slack", releaseManager) + "}");
            if (started.status() != 201) {
                throw new IllegalStateException("could not start a release: " + started.body());
            }
            JsonNode release = started.json().get("release");
            ids.add(release.get("id").asText());
            List<String> mine = new ArrayList<>();
            release.get("sections").forEach(s -> s.get("items").forEach(i -> mine.add(i.get("id").asText())));
            items.add(mine);
        }
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < items.getFirst().size(); i++) {
            for (int r = 0; r < count; r++) {
                clicks.add(new Click(ids.get(r), items.get(r).get(i)));
            }
        }
        return clicks;
    }

    /** One click, then the release as the API shows it: a benchmark of clicks that change nothing would lie. */
    static void checkClickChangesState(URI base, Click click, String user, String channel, String secret) {
        ApiClient api = new ApiClient(base, API_TOKEN);
        int before = AckBenchmark.release(api, click.releaseId()).at("/counters/passed").asInt();
        var ack = new SignedSlackRequests(base, secret).send(SignedSlackRequests.blockAction(
                dev.countdown.chat.ActionRef.item(click.releaseId(), click.itemId()).encode(), "pass", user, channel,
                "bench-check"));
        int after = AckBenchmark.release(api, click.releaseId()).at("/counters/passed").asInt();
        if (ack.statusCode() != 200 || after != before + 1) {
            throw new IllegalStateException("a click did not pass an item (ack " + ack.statusCode() + " " + ack.body()
                    + ", passed " + before + " -> " + after + ")");
        }
        new SignedSlackRequests(base, secret).send(SignedSlackRequests.blockAction(
                dev.countdown.chat.ActionRef.item(click.releaseId(), click.itemId()).encode(), "pending", user, channel,
                "bench-check-back"));
    }
}

package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.chat.ChatDispatcher;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.FakeSlack;
import dev.countdown.support.SignedSlackRequests;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopped with deliveries pending, the service sends them when it comes back, and only once. */
class SlackRestartTest {

    @TempDir
    Path data;

    @Test
    void pendingDeliveriesAreSentOnceAfterARestart() {
        try (FakeSlack slack = new FakeSlack().start()) {
            Map<String, Object> properties = properties(slack);
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties)) {
                String body = SignedSlackRequests.slashCommand("/release", "start v1.0.0", SlackTestBase.RM,
                        SlackTestBase.CHANNEL, "restart-trigger");
                HttpResponse<String> ack = new SignedSlackRequests(first.getURI(), SlackTestBase.SECRET).send(body);
                assertThat(ack.statusCode()).isEqualTo(200);
                assertThat(slack.calls("chat.postMessage")).as("acknowledged, not yet delivered").isEmpty();
            }
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties)) {
                second.getApplicationContext().getBean(ChatDispatcher.class).drain();
                assertThat(slack.channel(SlackTestBase.CHANNEL)).hasSize(1);
                String rootTs = slack.channel(SlackTestBase.CHANNEL).getFirst().ts();
                assertThat(slack.thread(rootTs)).anyMatch(m -> m.visibleText().contains("Canary deployed"));
                int posts = slack.calls("chat.postMessage").size();
                second.getApplicationContext().getBean(ChatDispatcher.class).drain();
                assertThat(slack.calls("chat.postMessage")).as("nothing sent twice").hasSize(posts);
            }
        }
    }

    private Map<String, Object> properties(FakeSlack slack) {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + data.resolve("countdown")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.h2.Driver")));
        properties.putAll(slack.appSettings(SlackTestBase.SECRET));
        properties.put("countdown.chat.poll", "1h");
        properties.put("countdown.chat.initial-delay", "1h");
        return properties;
    }
}

package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.release.ReleaseService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With an app-level token, commands arrive over Socket Mode from a fake WebSocket server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackSocketModeTest extends SlackTestBase {

    @Inject
    ReleaseService releases;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("countdown.slack.app-token", "xapp-test-token");
        return properties;
    }

    @Test
    void aSlashCommandOverSocketModeStartsARelease() throws Exception {
        slack.sendEnvelope("""
                {"envelope_id":"env-1","type":"slash_commands","accepts_response_payload":true,"payload":{
                 "token":"unused","team_id":"T1","team_domain":"fake","channel_id":"C0SHOP001","channel_name":"deployments",
                 "user_id":"U0RM00001","user_name":"rm","command":"/release","text":"start v7.0.0","api_app_id":"A1",
                 "response_url":"https://hooks.slack.invalid/commands/1","trigger_id":"socket-trigger-1"}}""");
        JsonNode ack = awaitAck("env-1");
        assertThat(ack.path("payload").path("text").asText()).contains("Release shop v7.0.0 started.");
        assertThat(releases.list(Optional.of("shop"))).extracting(r -> r.release().version()).contains("v7.0.0");
        assertThat(slack.calls("apps.connections.open")).isNotEmpty();
        assertThat(slack.calls("apps.connections.open").getFirst().params()).doesNotContainValue("xapp-test-token");
    }

    private JsonNode awaitAck(String envelopeId) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        ObjectMapper json = new ObjectMapper();
        while (Instant.now().isBefore(end)) {
            for (String frame : slack.socketFrames()) {
                JsonNode node = json.readTree(frame);
                if (envelopeId.equals(node.path("envelope_id").asText())) {
                    return node;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no acknowledgement of " + envelopeId + "; frames: " + slack.socketFrames());
    }
}

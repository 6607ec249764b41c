package dev.countdown.web;

import static dev.countdown.web.PlaygroundClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.CountdownTestProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the playground answers to forms its page would never send: 400 and what is wrong, never a 500. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundInputTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.withPlayground();
    }

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", "U0RM00001", "release", "r1",
                        "target", "qa-lead"), "The form needs a verb."),
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", "U0RM00001", "release", "r1",
                        "verb", "delete", "target", "qa-lead"), "Unknown verb 'delete'; expected item, approve, reject, probe, decide, override or cancel."),
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", "U0RM00001", "release", "r1",
                        "verb", "item", "target", "canary.error-rate-below-1", "value", "maybe"),
                        "Unknown value 'maybe' for an item; expected pass, fail, n/a, blocked, pending or note."),
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", "U0RM00001", "release", "r1",
                        "verb", "item", "target", "canary.error-rate-below-1"), "The form needs a value."),
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", "U0RM00001", "verb", "approve",
                        "target", "qa-lead"), "The form needs a release."),
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", "U0RM00001", "release", "r1",
                        "verb", "approve"), "The form needs a target."),
                Arguments.of("/playground/click", form("user", "U0RM00001", "release", "r1", "verb", "approve",
                        "target", "qa-lead"), "The form needs a channel."),
                Arguments.of("/playground/click", form("channel", "C0SHOP001", "user", " ", "release", "r1",
                        "verb", "approve", "target", "qa-lead"), "The form needs a user."),
                Arguments.of("/playground/click", form(), "The form needs a channel."),
                Arguments.of("/playground/command", form("user", "U0RM00001", "text", "/release status"),
                        "The form needs a channel."),
                Arguments.of("/playground/command", form("channel", "C0NOWHERE", "user", "U0RM00001", "text",
                        "/release status"), "No manifest names the channel 'C0NOWHERE'."),
                Arguments.of("/playground/command", form("channel", "C0SHOP001", "text", "/release status"),
                        "The form needs a user."));
    }

    @ParameterizedTest
    @MethodSource("badForms")
    void aBadFormIsA400ThatSaysWhatIsWrong(String path, Map<String, String> fields, String message) {
        var reply = new PlaygroundClient(server.getURI()).post(path, fields);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("<p>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</p>").doesNotContain("Exception");
    }
}

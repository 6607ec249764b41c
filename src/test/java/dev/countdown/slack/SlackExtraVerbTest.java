package dev.countdown.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ChatVerb;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A verb is a bean: one added to the context answers a signed {@code /release} and shows in the help. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackExtraVerbTest extends SlackTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("test.echo-verb", "true");
        return properties;
    }

    @Test
    void anAddedVerbIsListedInTheHelpInItsPlace() {
        String help = answer(command("help", RM));

        assertThat(help).contains("• /release echo [words]: says the words back");
        assertThat(help.indexOf("/release echo")).as("ordered between status and decide")
                .isGreaterThan(help.indexOf("/release status")).isLessThan(help.indexOf("/release decide"));
        assertThat(help).endsWith("• /release help: shows this\n"
                + "Items and approvals are set with the buttons on the release's messages.");
        assertThat(answer(command("frobnicate", RM))).contains("I don't know 'frobnicate'")
                .contains("• /release echo [words]: says the words back");
    }

    @Test
    void anAddedVerbAnswersWithWhatSlackSent() {
        assertThat(answer(command("echo  hello   <world>", RM)))
                .isEqualTo("slack " + CHANNEL + ": hello &lt;world&gt;");
    }

    /** Only in this test's context. */
    @Singleton
    @Requires(property = "test.echo-verb", value = "true")
    static class EchoVerb implements ChatVerb {

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String help() {
            return "echo [words]: says the words back";
        }

        @Override
        public int getOrder() {
            return 25;
        }

        @Override
        public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
            return ChatCommands.Answer.info(inv.platform().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + inv.channelId() + ": " + inv.rest());
        }
    }
}

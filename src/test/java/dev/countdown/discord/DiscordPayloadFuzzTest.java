package dev.countdown.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.fuzz.Payloads;
import dev.countdown.release.ItemState;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.FakeDiscord;
import dev.countdown.support.FakeDiscordUsers.Interaction;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Discord interactions with mutated contents, through the fake gateway into the real JDA and
 * Countdown's handlers: buttons whose custom id was changed, the item select's values, the item
 * form's id, state and note, and /release options as anyone can type them. Whatever they hold,
 * every interaction is answered (a reply, a deferred update or a form): an unanswered one is what
 * Discord shows as "This interaction failed". Afterwards a real button still passes an item.
 *
 * <p>{@code -Dcountdown.fuzz.tries=N} per property for a long run, {@code -Dcountdown.fuzz.seed=S} to
 * replay one (docs/reliability.md#fuzzing).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordPayloadFuzzTest extends DiscordTestBase {

    private static final int TRIES = Integer.getInteger("countdown.fuzz.tries", 40);
    private static final long SEED = Long.getLong("countdown.fuzz.seed", System.nanoTime());
    private static final List<String> USERS = List.of(RM, QA, BE, STRANGER);
    private static final List<String> SUBCOMMANDS = List.of("start", "status", "decide", "cancel", "reopen", "help",
            "probe", "rollback");

    @Inject
    ReleaseService releases;

    private final List<String> buttons = new ArrayList<>();
    private FakeDiscord.Message canary;
    private String releaseId;

    @BeforeAll
    void started() {
        assertThat(release(RM, "start", Map.of("version", "v1.0.0")).text()).contains("Release web v1.0.0 started.");
        deliverUntil(d -> !d.channel(FakeDiscord.CHANNEL).isEmpty());
        FakeDiscord.Message root = root();
        deliverUntil(d -> d.channel(root.id()).size() >= 4);
        canary = discord.find(root.id(), "### Canary");
        discord.channel(root.id()).forEach(m -> buttons.addAll(m.customIds()));
        buttons.addAll(root.customIds());
        assertThat(buttons).anyMatch(id -> id.startsWith("pass!cd|")).anyMatch(id -> id.startsWith("cd-more!"));
        releaseId = releases.list(Optional.of("web")).getFirst().release().id();
    }

    @Test
    void buttons() {
        run("discord-buttons", random -> discord.users().click(pick(random, USERS), canary,
                Payloads.mutateText(random, pick(random, buttons), DiscordIds.MAX)));
    }

    @Test
    void itemSelect() {
        String select = buttons.stream().filter(id -> id.startsWith(DiscordIds.MORE)).findFirst().orElseThrow();
        run("discord-select", random -> discord.users().select(pick(random, USERS), canary, select,
                Payloads.mutateText(random, DiscordIds.itemRef(releaseId, "canary.error-rate-below-1"), 100)));
    }

    @Test
    void itemForm() {
        String form = DiscordIds.FORM + DiscordIds.itemRef(releaseId, "canary.error-rate-below-1");
        run("discord-form", random -> discord.users().submit(pick(random, USERS),
                random.nextBoolean() ? Payloads.mutateText(random, form, DiscordIds.MAX) : form,
                Map.of(DiscordIds.FORM_STATE, Payloads.mutateText(random, pick(random, List.of("fail", "na", "blocked",
                        "note")), 100)),
                Map.of(DiscordIds.FORM_NOTE, Payloads.mutateText(random, "the error rate went up", 4_000))));
    }

    @Test
    void slashCommandOptions() {
        run("discord-slash", random -> discord.users().slash(pick(random, USERS), "release", pick(random, SUBCOMMANDS),
                random.nextInt(4) == 0 ? Map.of() : Map.of(pick(random, List.of("version", "service", "reason", "name")), Payloads.mutateText(random, pick(random, List.of("v1.0.1", "web",
                        "health", "all", "it broke")), 6_000))));
    }

    /**
     * What the first runs found, kept as a fixed case: a select value the message offers no option
     * for, and one whose item id is blank, each ended the interaction unanswered before its fix.
     */
    @Test
    void whatTheFuzzFound() {
        String select = buttons.stream().filter(id -> id.startsWith(DiscordIds.MORE)).findFirst().orElseThrow();
        for (String value : List.of("cd|" + releaseId + "|item|no-such-item", "cd|" + releaseId + "|item| ")) {
            Interaction chosen = discord.users().select(QA, canary, select, value).await(Duration.ofSeconds(15));
            assertThat(chosen.callbackType()).as(value).isEqualTo(9);
            assertThat(chosen.modal().path("title").asText()).isNotBlank();
        }
    }

    private void run(String property, Function<Random, Interaction> interactions) {
        Random seeds = new Random(SEED ^ property.hashCode());
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            Interaction sent = interactions.apply(new Random(seed)).await(Duration.ofSeconds(15));
            assertThat(sent.answers()).as("%s try %d (-Dcountdown.fuzz.seed=%d, -Dcountdown.fuzz.tries=%d): unanswered",
                    property, i, SEED, i + 1).isNotEmpty();
        }
        // Still whole: a real button passes an item, as the release's message then shows.
        String item = "canary.canary-deployed-to-5-of-traffic";
        LoadedRelease before = releases.find(releaseId).orElseThrow();
        if (before.release().state().acceptsWork()) {
            discord.users().click(RM, canary, DiscordIds.item(releaseId, item, "pending")).await(Duration.ofSeconds(15));
            Interaction pass = discord.users().click(RM, canary, DiscordIds.item(releaseId, item, "pass"))
                    .await(Duration.ofSeconds(15));
            assertThat(pass.callbackType()).isEqualTo(6);
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (releases.find(releaseId).orElseThrow().release().items().get(item).state() != ItemState.PASS
                    && System.nanoTime() < end) {
                sleep(50);
            }
            assertThat(releases.find(releaseId).orElseThrow().release().items().get(item).state()).isEqualTo(ItemState.PASS);
        } else {
            assertThat(release(RM, "start", Map.of("version", "v2." + Math.abs(property.hashCode() % 1000)))
                    .text()).contains("started.");
        }
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}

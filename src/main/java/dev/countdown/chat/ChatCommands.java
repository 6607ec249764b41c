package dev.countdown.chat;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.CommandResult;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Platform;
import io.micronaut.core.order.OrderUtil;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /release ...} in any chat: the verb of an {@link Invocation} picks a {@link ChatVerb}
 * bean, whose answer is text for the person who asked. Platforms differ only in how they read
 * their input into an invocation and show the answer.
 */
@jakarta.inject.Singleton
public final class ChatCommands {

    /**
     * One {@code /release} as a platform read it: the verb, its arguments, where and who (as
     * {@code actorFor} resolves the user against a manifest) and the idempotency key.
     */
    public record Invocation(Platform platform, String channelId, String verb, List<String> args, String idempotencyKey,
                             Function<ReleaseManifest, Actor> actorFor) {

        public Invocation {
            verb = verb == null ? "" : verb;
            args = List.copyOf(args);
        }

        /** Input typed as words after {@code /release}, as Slack and the playground send it. */
        public static Invocation typed(Platform platform, String channelId, String text, String idempotencyKey,
                                       Function<ReleaseManifest, Actor> actorFor) {
            List<String> words = Arrays.stream(Optional.ofNullable(text).orElse("").strip().split("\\s+"))
                    .filter(w -> !w.isEmpty()).toList();
            return new Invocation(platform, channelId, words.isEmpty() ? "" : words.getFirst(),
                    words.isEmpty() ? List.of() : words.subList(1, words.size()), idempotencyKey, actorFor);
        }

        /** The arguments as one text, for a reason or a note. */
        public String rest() {
            return String.join(" ", args);
        }
    }

    /**
     * The answer: text, and whether it was a refusal or a help text rather than something done;
     * the manifest the refusal is about, when the refusal's release id cannot say (a start).
     */
    public record Answer(String text, boolean refused, Optional<CommandResult.Refused> refusal,
                         Optional<ReleaseManifest> manifest) {

        public Answer(String text, boolean refused, Optional<CommandResult.Refused> refusal) {
            this(text, refused, refusal, Optional.empty());
        }

        public static Answer info(String text) {
            return new Answer(text, false, Optional.empty());
        }
    }

    private final List<ChatVerb> verbs;
    private final ChannelReleases channels;
    private final String help;

    /** The verbs come ordered by {@link ChatVerb#getOrder()}, which is the order of the help. */
    public ChatCommands(List<ChatVerb> verbs, ChannelReleases channels) {
        this.verbs = verbs.stream().sorted(OrderUtil.COMPARATOR).toList();
        this.channels = channels;
        // A list, not columns: chats show proportional type, where aligned columns fall apart.
        this.help = "Countdown runs this channel's release GO/NO-GO.\n"
                + this.verbs.stream().map(v -> "• /release " + v.help()).collect(Collectors.joining("\n"))
                + "\nItems and approvals are set with the buttons on the release's messages.";
    }

    public Answer handle(Invocation inv) {
        if (inv.verb().isEmpty()) {
            return Answer.info(help);
        }
        return verbs.stream().filter(v -> v.answers(inv.verb())).findFirst().map(v -> v.handle(inv))
                .orElseGet(() -> Answer.info("I don't know '" + Limits.shown(inv.verb()) + "'.\n" + help));
    }

    /** Every verb's help line, in order. */
    public String help() {
        return help;
    }

    /** The release most recently started in the channel. */
    public Optional<LoadedRelease> current(Platform platform, String channelId) {
        return channels.current(platform, channelId);
    }

    public static Answer answer(CommandResult result) {
        return switch (result) {
            case CommandResult.Applied a -> Answer.info(a.message());
            case CommandResult.Repeated r -> Answer.info(r.message());
            case CommandResult.Refused r -> new Answer(r.message(), true, Optional.of(r));
        };
    }
}

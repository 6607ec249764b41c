package dev.countdown.chat;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /release ...} as typed in any chat: the words become a command on the channel's current
 * release, and the answer is text for the person who typed it. Platforms differ only in how they
 * deliver the words and show the answer.
 */
@jakarta.inject.Singleton
public final class ChatCommands {

    /** What a platform knows of one invocation; {@code actorFor} resolves the user against a manifest. */
    public record Invocation(Platform platform, String channelId, String text, String idempotencyKey,
                             Function<ReleaseManifest, Actor> actorFor) {
    }

    /** The answer: text, and whether it was a refusal or a help text rather than something done. */
    public record Answer(String text, boolean refused, Optional<CommandResult.Refused> refusal) {
        static Answer info(String text) {
            return new Answer(text, false, Optional.empty());
        }
    }

    /** A list, not columns: chats show proportional type, where aligned columns fall apart. */
    public static final String HELP = """
            Countdown runs this channel's release GO/NO-GO.
            • /release start [service] <version>: opens a release and its thread
            • /release status: shows where the current release stands
            • /release decide [override]: polls the current gate, or the release
            • /release cancel [reason]: cancels the current release
            • /release reopen [note]: reopens it after a NO-GO
            • /release probe [name|all]: runs the release's probes and keeps their evidence
            • /release help: shows this
            Items and approvals are set with the buttons on the release's messages.""";

    private final ReleaseService releases;
    private final ManifestRegistry registry;
    private final ChatRepositories.Threads threads;
    private final ProbeRuns probes;

    public ChatCommands(ReleaseService releases, ManifestRegistry registry, ChatRepositories.Threads threads,
                        ProbeRuns probes) {
        this.releases = releases;
        this.registry = registry;
        this.threads = threads;
        this.probes = probes;
    }

    public Answer handle(Invocation inv) {
        List<String> words = Arrays.stream(Optional.ofNullable(inv.text()).orElse("").strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty() || words.getFirst().equals("help")) {
            return Answer.info(HELP);
        }
        String rest = String.join(" ", words.subList(1, words.size()));
        return switch (words.getFirst()) {
            case "start" -> start(inv, words.subList(1, words.size()));
            case "status" -> current(inv).map(r -> Answer.info(status(r))).orElse(noRelease());
            case "decide" -> onCurrent(inv, id -> new Command.Decide(id, rest.equals("override"), ""));
            case "cancel" -> onCurrent(inv, id -> new Command.Cancel(id, rest));
            case "reopen" -> onCurrent(inv, id -> new Command.Reopen(id, rest));
            case "probe", "probes" -> probe(inv, words.subList(1, words.size()));
            default -> Answer.info("I don't know '" + Limits.shown(words.getFirst()) + "'.\n" + HELP);
        };
    }

    /** The release most recently started in the channel. */
    public Optional<LoadedRelease> current(Platform platform, String channelId) {
        return threads.findByPlatformAndChannelIdOrderByCreatedAtDesc(platform, channelId).stream()
                .map(ChatThread::releaseId).findFirst().flatMap(releases::find);
    }

    private Optional<LoadedRelease> current(Invocation inv) {
        return current(inv.platform(), inv.channelId());
    }

    private Answer start(Invocation inv, List<String> args) {
        List<ReleaseManifest> services = registry.inChannel(inv.platform(), inv.channelId());
        if (services.isEmpty()) {
            return Answer.info("No release manifest names this channel (" + inv.channelId() + "). Add its id under "
                    + "channels." + inv.platform().channelsOf().label() + " in a manifest in manifests/.");
        }
        String names = String.join(", ", services.stream().map(ReleaseManifest::service).toList());
        if (args.isEmpty() || args.size() > 2) {
            return Answer.info("Which version? /release start v1.2.0" + (services.size() > 1
                    ? " or /release start <service> v1.2.0 (" + names + ")" : "") + "\n\n" + HELP);
        }
        Optional<ReleaseManifest> manifest = args.size() == 2
                ? services.stream().filter(m -> m.service().equals(args.get(0))).findFirst()
                : services.size() == 1 ? Optional.of(services.getFirst()) : Optional.empty();
        if (manifest.isEmpty()) {
            return Answer.info("Name the service: this channel serves " + names + ". /release start <service> <version>");
        }
        return answer(releases.handle(new CommandRequest(new Command.Start(manifest.get().service(), args.getLast()),
                inv.actorFor().apply(manifest.get()), inv.idempotencyKey(), new Origin(inv.platform(), inv.channelId()))));
    }

    private Answer onCurrent(Invocation inv, Function<String, Command> command) {
        Optional<LoadedRelease> current = current(inv);
        if (current.isEmpty()) {
            return noRelease();
        }
        Actor actor = inv.actorFor().apply(current.get().definition().manifest());
        return answer(releases.handle(new CommandRequest(command.apply(current.get().release().id()), actor,
                inv.idempotencyKey(), new Origin(inv.platform(), inv.channelId()))));
    }

    private Answer probe(Invocation inv, List<String> names) {
        Optional<LoadedRelease> current = current(inv);
        if (current.isEmpty()) {
            return noRelease();
        }
        List<String> selected = names.isEmpty() || names.equals(List.of("all")) ? List.of() : names;
        return probes.start(current.get().release().id(), selected, inv.actorFor().apply(current.get().definition()
                .manifest()), inv.idempotencyKey(), new Origin(inv.platform(), inv.channelId()));
    }

    private static String status(LoadedRelease loaded) {
        ReleaseView v = ReleaseViews.of(loaded);
        return v.service() + " " + v.version() + " is " + v.state() + (v.open() ? ", now at " + v.phase() : "")
                + ": items " + v.counters().settled() + "/" + v.counters().items() + " passed, " + v.counters().failed()
                + " failed, approvals " + v.counters().rolesApproved() + "/" + v.counters().rolesRequired() + ".";
    }

    public static Answer answer(CommandResult result) {
        return switch (result) {
            case CommandResult.Applied a -> Answer.info(a.message());
            case CommandResult.Repeated r -> Answer.info(r.message());
            case CommandResult.Refused r -> new Answer(r.message(), true, Optional.of(r));
        };
    }

    private static Answer noRelease() {
        return Answer.info("No release has been started in this channel. /release start <version> opens one.");
    }
}

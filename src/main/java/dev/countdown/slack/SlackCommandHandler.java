package dev.countdown.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import dev.countdown.chat.ChatRepositories;
import dev.countdown.chat.ChatThread;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.CommandResult;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Origin;
import dev.countdown.release.ReleaseService;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code /release}: turns the typed text into a command and answers, ephemerally, at once. The
 * release's messages follow through the outbox; nothing here waits on Slack.
 */
final class SlackCommandHandler {

    static final String HELP = """
            *Countdown* runs this channel's release GO/NO-GO.
            • `/release start [service] <version>` opens a release and its thread
            • `/release status` shows where the current release stands
            • `/release decide [override]` polls the current gate, or the release
            • `/release cancel [reason]` · `/release reopen [note]` after a NO-GO
            • `/release help` shows this
            Items and approvals are set with the buttons in the release's thread.""";

    private final ReleaseService releases;
    private final SlackIdentity identity;
    private final ChatRepositories.Threads threads;

    SlackCommandHandler(ReleaseService releases, SlackIdentity identity, ChatRepositories.Threads threads) {
        this.releases = releases;
        this.identity = identity;
        this.threads = threads;
    }

    /** The ephemeral answer to a {@code /release} command. */
    String handle(SlashCommandPayload payload) {
        List<String> words = Arrays.stream(Optional.ofNullable(payload.getText()).orElse("").strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty() || words.getFirst().equals("help")) {
            return HELP;
        }
        String key = "slack:" + payload.getTriggerId();
        String rest = String.join(" ", words.subList(1, words.size()));
        return switch (words.getFirst()) {
            case "start" -> start(payload, words.subList(1, words.size()), key);
            case "status" -> current(payload).map(SlackCommandHandler::status).orElse(noRelease());
            case "decide" -> onCurrent(payload, id -> new Command.Decide(id, rest.equals("override"), ""), key);
            case "cancel" -> onCurrent(payload, id -> new Command.Cancel(id, rest), key);
            case "reopen" -> onCurrent(payload, id -> new Command.Reopen(id, rest), key);
            default -> "I don't know `" + SlackText.escape(words.getFirst()) + "`.\n" + HELP;
        };
    }

    private String start(SlashCommandPayload p, List<String> args, String key) {
        List<ReleaseManifest> services = identity.manifestsIn(p.getChannelId());
        if (services.isEmpty()) {
            return "No release manifest names this channel (" + p.getChannelId() + "). Add its id under "
                    + "`channels.slack` in a manifest in `manifests/`.";
        }
        if (args.isEmpty() || args.size() > 2) {
            return "Which version? `/release start v1.2.0`" + (services.size() > 1 ? " or `/release start <service> v1.2.0` ("
                    + String.join(", ", services.stream().map(ReleaseManifest::service).toList()) + ")" : "") + "\n\n" + HELP;
        }
        Optional<ReleaseManifest> manifest = args.size() == 2
                ? services.stream().filter(m -> m.service().equals(args.get(0))).findFirst()
                : services.size() == 1 ? Optional.of(services.getFirst()) : Optional.empty();
        if (manifest.isEmpty()) {
            return "Name the service: this channel serves " + String.join(", ", services.stream()
                    .map(ReleaseManifest::service).toList()) + ". `/release start <service> <version>`";
        }
        Actor actor = identity.actor(p.getUserId(), p.getUserName(), manifest.get());
        CommandResult result = releases.handle(new CommandRequest(new Command.Start(manifest.get().service(),
                args.getLast()), actor, key, new Origin("slack", p.getChannelId())));
        return answer(result);
    }

    private String onCurrent(SlashCommandPayload p, java.util.function.Function<String, Command> command, String key) {
        Optional<LoadedRelease> current = current(p);
        if (current.isEmpty()) {
            return noRelease();
        }
        Actor actor = identity.actor(p.getUserId(), p.getUserName(), current.get().definition().manifest());
        return answer(releases.handle(new CommandRequest(command.apply(current.get().release().id()), actor, key,
                new Origin("slack", p.getChannelId()))));
    }

    private Optional<LoadedRelease> current(SlashCommandPayload p) {
        return threads.findByPlatformAndChannelIdOrderByCreatedAtDesc("slack", p.getChannelId()).stream()
                .map(ChatThread::releaseId).findFirst().flatMap(releases::find);
    }

    private static String status(LoadedRelease loaded) {
        var v = dev.countdown.chat.ReleaseViews.of(loaded);
        return "*" + SlackText.escape(v.service() + " " + v.version()) + "* is " + v.state()
                + (v.open() ? ", now at " + SlackText.escape(v.phase()) : "") + ": items " + v.counters().settled() + "/"
                + v.counters().items() + " passed, " + v.counters().failed() + " failed, approvals "
                + v.counters().rolesApproved() + "/" + v.counters().rolesRequired() + ".";
    }

    static String answer(CommandResult result) {
        return switch (result) {
            case CommandResult.Applied a -> SlackText.escape(a.message());
            case CommandResult.Repeated r -> SlackText.escape(r.message());
            case CommandResult.Refused r -> SlackText.mentions(r.message());
        };
    }

    private static String noRelease() {
        return "No release has been started in this channel. `/release start <version>` opens one.";
    }
}

package dev.countdown.chat;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Command;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import dev.countdown.release.ReleaseState;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * {@code /rollback [service] [version]} (and {@code /release rollback ...}): in a release's thread
 * (a Discord thread is a channel of its own) the release is known; in a service's channel or an
 * incident channel a manifest names, the latest release of the service that went GO, or the one
 * of the version given.
 */
@Singleton
class RollbackVerb implements ChatVerb {

    private final ManifestRegistry registry;
    private final ChannelReleases channels;
    private final ReleaseService releases;

    RollbackVerb(ManifestRegistry registry, ChannelReleases channels, ReleaseService releases) {
        this.registry = registry;
        this.channels = channels;
        this.releases = releases;
    }

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String help() {
        return "rollback [service] [version]: opens a rollback ceremony for a release (also /rollback)";
    }

    @Override
    public int getOrder() {
        return 70;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        List<String> args = inv.args();
        // In a release's own thread or channel the release is known (a Discord thread is a channel).
        Optional<LoadedRelease> here = channels.current(inv.platform(), inv.channelId())
                .filter(l -> !l.release().isRollback() && wentGo(l));
        if (here.isPresent() && args.isEmpty()) {
            return start(here.get(), inv);
        }
        List<ReleaseManifest> services = registry.all().stream().filter(m -> serves(m, inv)).toList();
        if (services.isEmpty()) {
            return ChatCommands.Answer.info("No release manifest names this channel (" + inv.channelId() + ") as a "
                    + "service's or an incident channel.");
        }
        Optional<ReleaseManifest> manifest = !args.isEmpty()
                ? services.stream().filter(m -> m.service().equals(args.getFirst())).findFirst()
                        .or(() -> services.size() == 1 && args.size() == 1 ? Optional.of(services.getFirst()) : Optional.empty())
                : services.size() == 1 ? Optional.of(services.getFirst()) : Optional.empty();
        if (manifest.isEmpty() || args.size() > 2) {
            return ChatCommands.Answer.info("Name the service: /rollback <service> [version] ("
                    + String.join(", ", services.stream().map(ReleaseManifest::service).toList()) + ").");
        }
        String service = manifest.get().service();
        Optional<String> version = args.isEmpty() || args.size() == 1 && args.getFirst().equals(service)
                ? Optional.empty() : Optional.of(args.getLast());
        Optional<LoadedRelease> target = releases.list(Optional.of(service)).stream()
                .filter(l -> !l.release().isRollback())
                .filter(l -> version.map(v -> v.equals(l.release().version())).orElse(wentGo(l)))
                .findFirst();
        if (target.isEmpty()) {
            return ChatCommands.Answer.info("No release of " + service + version.map(v -> " " + v).orElse(" went GO")
                    + " here to roll back.");
        }
        return start(target.get(), inv);
    }

    private ChatCommands.Answer start(LoadedRelease release, ChatCommands.Invocation inv) {
        ChatCommands.Answer answer = channels.handle(new Command.StartRollback(release.release().id(), ""),
                inv.actorFor().apply(release.definition().manifest()), inv);
        return new ChatCommands.Answer(answer.text(), answer.refused(), answer.refusal(),
                Optional.of(release.definition().manifest()));
    }

    private static boolean wentGo(LoadedRelease l) {
        return l.release().state() == ReleaseState.GO || l.release().decisions().stream()
                .anyMatch(d -> d.outcome() == dev.countdown.release.Outcome.GO);
    }

    private static boolean serves(ReleaseManifest m, ChatCommands.Invocation inv) {
        List<String> ids = inv.platform().channelsOf() == Platform.DISCORD ? m.channels().discord() : m.channels().slack();
        return ids.contains(inv.channelId()) || m.rollback().incidentChannels().contains(inv.channelId());
    }
}

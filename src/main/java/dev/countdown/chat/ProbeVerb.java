package dev.countdown.chat;

import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Origin;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** {@code /release probe [name|all]}: runs the current release's probes, all of them unless named. */
@Singleton
class ProbeVerb implements ChatVerb {

    private final ChannelReleases channels;
    private final ProbeRuns probes;

    ProbeVerb(ChannelReleases channels, ProbeRuns probes) {
        this.channels = channels;
        this.probes = probes;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public boolean answers(String word) {
        return word.equals("probe") || word.equals("probes");
    }

    @Override
    public String help() {
        return "probe [name|all]: runs the release's probes and keeps their evidence";
    }

    @Override
    public int getOrder() {
        return 60;
    }

    @Override
    public ChatCommands.Answer handle(ChatCommands.Invocation inv) {
        Optional<LoadedRelease> current = channels.current(inv);
        if (current.isEmpty()) {
            return ChannelReleases.noRelease();
        }
        List<String> selected = inv.args().isEmpty() || inv.args().equals(List.of("all")) ? List.of() : inv.args();
        return probes.start(current.get().release().id(), selected, inv.actorFor().apply(current.get().definition()
                .manifest()), inv.idempotencyKey(), new Origin(inv.platform(), inv.channelId()));
    }
}

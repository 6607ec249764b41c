package dev.countdown.chat;

import dev.countdown.probe.ProbeService;
import dev.countdown.release.Actor;
import dev.countdown.release.Origin;
import io.micronaut.context.annotation.Bean;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probe runs asked for in a chat: checked at once, so a refusal is the answer; run in the
 * background, because probes take seconds and a chat wants its answer in three. The results reach
 * the release's messages through the outbox like any other change. The idempotency key is claimed
 * before the answer, so a platform's retry of the same command or click (same key) runs nothing.
 */
@Singleton
public class ProbeRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRuns.class);

    private final ProbeService probes;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public ProbeRuns(ProbeService probes) {
        this.probes = probes;
    }

    public ChatCommands.Answer start(String releaseId, List<String> names, Actor actor, String idempotencyKey,
                                     Origin origin) {
        return switch (probes.plan(releaseId, names, actor)) {
            case ProbeService.Plan.Refused refused -> ChatCommands.answer(refused.refusal());
            case ProbeService.Plan.Ready ready -> {
                Optional<ProbeService.Run> earlier = probes.claim(ready, idempotencyKey);
                if (earlier.isPresent()) {
                    yield ChatCommands.answer(earlier.get().recorded());
                }
                background.submit(() -> {
                    try {
                        probes.runClaimed(ready, actor, idempotencyKey, origin);
                    } catch (RuntimeException e) {
                        LOG.warn("probe run on {} failed: {}", releaseId, e.toString());
                    }
                });
                List<String> running = ready.probes().stream().map(p -> p.name()).toList();
                yield ChatCommands.Answer.info("Running " + running.size() + (running.size() == 1 ? " probe: " : " probes: ")
                        + String.join(", ", running) + ". The results will show on the release's probes message.");
            }
        };
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}

package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.evidence.HashChain;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Clicks that race: many threads at once against one release, on a real database. Whatever the
 * interleaving, each click has exactly one effect and the audit chain stays whole.
 */
abstract class ConcurrencyContract {

    private static final int THREADS = 50;
    private static final int RELEASES = 8;
    private static final int CLICKS_PER_THREAD = 8;

    @Inject
    ReleaseService releases;

    @Inject
    ReleaseRowRepository rows;

    @Inject
    TrailConsistencyCheck consistency;

    @Test
    void fiftyOwnersApprovingTheSameRoleAtOnceAreAllCounted() throws Exception {
        String id = start("v1.0.0");
        List<CommandResult> results = race(n -> request(new Command.CastVote(id, "crowd", true, ""), owner(n), "vote-" + n));
        assertThat(results).allMatch(r -> r instanceof CommandResult.Applied);
        Release release = releases.find(id).orElseThrow().release();
        assertThat(release.approvals("crowd")).isEqualTo(THREADS);
        assertChainWhole(id, 1 + THREADS);
    }

    @Test
    void oneOwnerClickingFiftyTimesApprovesOnce() throws Exception {
        String id = start("v1.1.0");
        race(n -> request(new Command.CastVote(id, "crowd", true, ""), owner(7), "double-click-" + n));
        assertThat(releases.find(id).orElseThrow().release().approvals("crowd")).isEqualTo(1);
        assertChainWhole(id, 2);
    }

    @Test
    void theSameKeyReplayedFromFiftyThreadsHasOneEffect() throws Exception {
        String id = start("v1.2.0");
        List<CommandResult> results = race(n -> request(
                new Command.SetItem(id, "checks.everyone-agrees", ItemState.PASS, "n=" + n), owner(1), "retry-1"));
        assertThat(results.stream().filter(r -> r instanceof CommandResult.Applied)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof CommandResult.Repeated)).hasSize(THREADS - 1);
        assertChainWhole(id, 2);
    }

    @Test
    void twoDecisionsAtOnceMakeOneDecision() throws Exception {
        String id = start("v1.3.0");
        releases.handle(request(new Command.SetItem(id, "checks.everyone-agrees", ItemState.PASS, ""), owner(1), "i"));
        for (int n = 0; n < THREADS; n++) {
            releases.handle(request(new Command.CastVote(id, "crowd", true, ""), owner(n), "v" + n + id));
        }
        List<CommandResult> results = race(2, n -> request(new Command.Decide(id, false, ""), owner(n), "decide-" + n));
        assertThat(results.stream().filter(r -> r instanceof CommandResult.Applied)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof CommandResult.Refused refused
                && refused.message().contains("already go"))).hasSize(1);
        Release release = releases.find(id).orElseThrow().release();
        assertThat(release.decisions()).hasSize(1);
        assertThat(release.state()).isEqualTo(ReleaseState.GO);
    }

    /**
     * Issue 14 once saw, under 100 % CPU, a release whose row counted fewer events than its trail
     * held (then every later click lost its race 200 times). Here, with a busy thread per core
     * beside them, clicks spread over releases mix notes (one event each), votes by distinct
     * owners and replayed keys (no event); after them each release's row, document and trail agree.
     */
    @Test
    void underCpuStarvationEveryReleaseAgreesWithItsTrail() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < RELEASES; r++) {
            ids.add(start("v9." + r + ".0"));
        }
        List<Thread> burners = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean burning = new java.util.concurrent.atomic.AtomicBoolean(true);
        for (int b = 0; b < Runtime.getRuntime().availableProcessors(); b++) {
            burners.add(Thread.ofPlatform().daemon().start(() -> {
                long spin = 0;
                while (burning.get()) {
                    spin += System.nanoTime() % 7;
                }
                if (spin == 42) {
                    System.out.print("");
                }
            }));
        }
        List<CommandResult> results;
        try {
            results = race(THREADS * CLICKS_PER_THREAD, THREADS, n -> {
                String id = ids.get(n % RELEASES);
                return switch (n % 3) {
                    case 0 -> request(new Command.AddNote(id, "checks.everyone-agrees", "note " + n), owner(n % THREADS),
                            "starved-note-" + n);
                    case 1 -> request(new Command.CastVote(id, "crowd", true, ""), owner(n), "starved-vote-" + n);
                    // the note two clicks before, sent again: a platform's retry
                    default -> request(new Command.AddNote(ids.get((n - 2) % RELEASES), "checks.everyone-agrees",
                            "note " + (n - 2)), owner((n - 2) % THREADS), "starved-note-" + (n - 2));
                };
            });
        } finally {
            burning.set(false);
        }
        assertThat(results).allMatch(r -> r instanceof CommandResult.Applied || r instanceof CommandResult.Repeated);
        for (int r = 0; r < RELEASES; r++) {
            String id = ids.get(r);
            Release release = releases.find(id).orElseThrow().release();
            var trail = releases.events(id);
            long notes = release.item("checks.everyone-agrees").notes().size();
            long votes = release.approvals("crowd");
            assertThat(trail).as("trail of %s", id).hasSize((int) (1 + notes + votes));
            assertThat(rows.findById(id).orElseThrow().eventCount()).as("row of %s", id).isEqualTo(trail.size());
            assertThat(HashChain.firstBrokenLink(trail)).isEmpty();
            assertThat(notes + votes).isEqualTo(results.stream().filter(x -> x instanceof CommandResult.Applied applied
                    && applied.release().id().equals(id)).count());
        }
        assertThat(consistency.check()).as("the check at start, on this database's SQL").isEmpty();
    }

    private String start(String version) {
        CommandResult result = releases.handle(request(new Command.Start("crowd", version), owner(0), "start-" + version));
        assertThat(result).isInstanceOf(CommandResult.Applied.class);
        return ((CommandResult.Applied) result).release().id();
    }

    private void assertChainWhole(String id, int events) {
        var trail = releases.events(id);
        assertThat(trail).hasSize(events);
        assertThat(HashChain.firstBrokenLink(trail)).isEmpty();
    }

    private List<CommandResult> race(IntFunction<CommandRequest> requests) throws Exception {
        return race(THREADS, requests);
    }

    private List<CommandResult> race(int threads, IntFunction<CommandRequest> requests) throws Exception {
        return race(threads, threads, requests);
    }

    /** {@code clicks} requests on {@code threads} threads, all let go at once. */
    private List<CommandResult> race(int clicks, int threads, IntFunction<CommandRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<CommandResult>> futures = new ArrayList<>();
            for (int n = 0; n < clicks; n++) {
                CommandRequest request = requests.apply(n);
                Callable<CommandResult> click = () -> {
                    go.await();
                    return releases.handle(request);
                };
                futures.add(pool.submit(click));
            }
            go.countDown();
            List<CommandResult> results = new ArrayList<>();
            for (Future<CommandResult> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Actor owner(int n) {
        return new Actor(IdentitySource.SLACK, "U0CROWD" + n, "Owner " + n, Set.of("S0CROWD01"));
    }

    private static CommandRequest request(Command command, Actor actor, String key) {
        return new CommandRequest(command, actor, key);
    }
}

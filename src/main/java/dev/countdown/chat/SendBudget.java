package dev.countdown.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform lets an app send in a window, shared by every release. Slack's chat.update is
 * about 50 a minute for the whole workspace, so ten busy releases must share it rather than each
 * spend it and meet a storm of 429s; chat.postMessage is about one a second in each channel, with
 * short bursts allowed. The last {@code reserve} calls of a workspace window are kept for the
 * messages that matter most (the root's state, approvals, decisions, alerts): sections wait first.
 */
public final class SendBudget {

    /** No limit of its own: only the platform's 429s hold calls back. */
    public static final SendBudget NONE = new SendBudget(List.of(), 0);

    /** At most {@code calls} of {@code operation} in any {@code window}, for the workspace or in each channel. */
    public record Limit(ChatClient.Operation operation, Scope scope, int calls, Duration window) {

        public enum Scope {
            WORKSPACE, CHANNEL
        }

        public Limit {
            if (calls < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a send limit needs at least one call in a positive window");
            }
        }
    }

    private final List<Limit> limits;
    private final int reserve;
    private final Map<String, Deque<Instant>> spent = new HashMap<>();

    public SendBudget(List<Limit> limits, int reserve) {
        this.limits = List.copyOf(limits);
        this.reserve = reserve;
    }

    /**
     * Spends one call of {@code operation} in {@code channel} now, if every window it counts in has
     * room for it; otherwise spends nothing and says how long until they have. {@code urgent} calls
     * may use the workspace reserve.
     */
    public synchronized Optional<Duration> take(ChatClient.Operation operation, String channel, boolean urgent,
                                                Instant now) {
        Duration longest = Duration.ZERO;
        for (Limit limit : limits) {
            if (limit.operation() == operation) {
                Duration wait = room(limit, calls(limit, channel), urgent, now);
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        if (!longest.isZero()) {
            return Optional.of(longest);
        }
        limits.stream().filter(l -> l.operation() == operation).forEach(l -> calls(l, channel).addLast(now));
        return Optional.empty();
    }

    private Deque<Instant> calls(Limit limit, String channel) {
        String key = limit.operation() + (limit.scope() == Limit.Scope.CHANNEL ? "|" + channel : "");
        return spent.computeIfAbsent(key, k -> new ArrayDeque<>());
    }

    private Duration room(Limit limit, Deque<Instant> calls, boolean urgent, Instant now) {
        while (!calls.isEmpty() && !calls.peekFirst().plus(limit.window()).isAfter(now)) {
            calls.pollFirst();
        }
        int allowed = urgent || limit.scope() == Limit.Scope.CHANNEL ? limit.calls()
                : Math.max(1, limit.calls() - reserve);
        if (calls.size() < allowed) {
            return Duration.ZERO;
        }
        // Room comes back when the call that would bring the count under the limit leaves the window.
        Instant frees = calls.stream().skip(calls.size() - allowed).findFirst().orElse(now).plus(limit.window());
        Duration wait = Duration.between(now, frees);
        return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
    }
}

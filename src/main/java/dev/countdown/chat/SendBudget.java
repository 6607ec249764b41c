package dev.countdown.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform lets an app send in a window, shared by every release: Slack's chat.update is
 * about 50 a minute for the whole workspace, so ten busy releases must share it rather than each
 * spend it and meet a storm of 429s. The last {@code reserve} calls of a window are kept for the
 * messages that matter most (the root's state, approvals, decisions, alerts): sections wait first.
 */
public final class SendBudget {

    /** No limit of its own: only the platform's 429s hold calls back. */
    public static final SendBudget NONE = new SendBudget(Map.of(), Duration.ofMinutes(1), 0);

    private final Map<ChatClient.Operation, Integer> perWindow;
    private final Duration window;
    private final int reserve;
    private final Map<ChatClient.Operation, Deque<Instant>> spent = new EnumMap<>(ChatClient.Operation.class);

    public SendBudget(Map<ChatClient.Operation, Integer> perWindow, Duration window, int reserve) {
        this.perWindow = Map.copyOf(perWindow);
        this.window = window;
        this.reserve = reserve;
    }

    /**
     * Spends one call of {@code operation} now, if the window has room for it; otherwise says how
     * long until it has. {@code urgent} calls may use the reserve.
     */
    public synchronized Optional<Duration> take(ChatClient.Operation operation, boolean urgent, Instant now) {
        Integer limit = perWindow.get(operation);
        if (limit == null) {
            return Optional.empty();
        }
        Deque<Instant> calls = spent.computeIfAbsent(operation, o -> new ArrayDeque<>());
        while (!calls.isEmpty() && !calls.peekFirst().plus(window).isAfter(now)) {
            calls.pollFirst();
        }
        int allowed = urgent ? limit : Math.max(1, limit - reserve);
        if (calls.size() < allowed) {
            calls.addLast(now);
            return Optional.empty();
        }
        // Room comes back when the call that would bring the count under the limit leaves the window.
        Instant frees = calls.stream().skip(calls.size() - allowed).findFirst().orElse(now).plus(window);
        Duration wait = Duration.between(now, frees);
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
    }
}

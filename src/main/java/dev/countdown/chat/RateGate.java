package dev.countdown.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A platform's rate limits as it announced them: a 429 closes that kind of call, for every
 * release, until its Retry-After has passed. Platforms limit per app and method, not per release.
 */
public final class RateGate {

    private final Map<ChatClient.Operation, Instant> closedUntil = new ConcurrentHashMap<>();

    /** How long {@code operation} stays closed from {@code now}; empty when it is open. */
    public Optional<Duration> closed(ChatClient.Operation operation, Instant now) {
        Instant until = closedUntil.get(operation);
        return until == null || !now.isBefore(until) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void close(ChatClient.Operation operation, Instant until) {
        closedUntil.merge(operation, until, (a, b) -> a.isAfter(b) ? a : b);
    }
}

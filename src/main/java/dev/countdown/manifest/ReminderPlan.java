package dev.countdown.manifest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When approvals still pending are nudged in the thread, and who is called on when nobody moves.
 *
 * @param after         how long after approvals became needed the owners of the roles still pending are nudged
 * @param escalateAfter how long after approvals became needed the escalation role is called on; with {@code escalateTo}
 * @param escalateTo    the role whose owners are mentioned on escalation
 * @param quiet         hours in which nothing is posted: what falls in them waits for their end
 * @param zone          the zone of the quiet hours: the reminders' own, else the change windows', else UTC
 */
public record ReminderPlan(Duration after, Optional<Duration> escalateAfter, Optional<String> escalateTo,
                           Optional<QuietHours> quiet, ZoneId zone) {

    /** From {@code start} to {@code end}, end exclusive; an end before the start runs past midnight. */
    public record QuietHours(LocalTime start, LocalTime end, String written) {

        boolean contains(LocalTime t) {
            if (!end.isBefore(start)) {
                return !t.isBefore(start) && t.isBefore(end);
            }
            return !t.isBefore(start) || t.isBefore(end);
        }
    }

    /** The end of the quiet hours {@code now} falls in; empty when it is not in quiet hours. */
    public Optional<Instant> quietUntil(Instant now) {
        if (quiet.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        if (!quiet.get().contains(t.toLocalTime())) {
            return Optional.empty();
        }
        LocalDateTime end = t.toLocalDate().atTime(quiet.get().end());
        if (!end.isAfter(t)) {
            end = end.plusDays(1);
        }
        // a wall-clock end that a daylight saving change skips resolves to the first instant after the gap
        return Optional.of(end.atZone(zone).toInstant());
    }
}

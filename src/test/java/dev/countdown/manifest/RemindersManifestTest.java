package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.errors;
import static dev.countdown.manifest.Fixtures.hasError;
import static dev.countdown.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.source.SourceException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest's {@code reminders}: read, checked with file lines, and its quiet hours in its zone. */
class RemindersManifestTest {

    private static final String ROLES = Fixtures.MINIMAL + """
              em:
                title: Engineering Manager
                owners: { slack-users: [U0EM00001] }
            """;

    @TempDir
    Path dir;

    @Test
    void readsRemindersAndTheirQuietHoursInTheirZone() throws SourceException {
        ReminderPlan plan = Fixtures.read(dir, ROLES + """
                reminders:
                  after: 30m
                  escalate-after: 1h30m
                  escalate-to: em
                  quiet-hours: 22:00-07:00
                  time-zone: Europe/Berlin
                """).manifest().reminders().orElseThrow();
        assertThat(plan.after()).isEqualTo(Duration.ofMinutes(30));
        assertThat(plan.escalateAfter()).contains(Duration.ofMinutes(90));
        assertThat(plan.escalateTo()).contains("em");
        // 21:30 UTC in January is 22:30 in Berlin: quiet until 07:00 Berlin, 06:00 UTC
        assertThat(plan.quietUntil(Instant.parse("2031-01-07T21:30:00Z"))).contains(Instant.parse("2031-01-08T06:00:00Z"));
        assertThat(plan.quietUntil(Instant.parse("2031-01-08T05:59:00Z"))).contains(Instant.parse("2031-01-08T06:00:00Z"));
        assertThat(plan.quietUntil(Instant.parse("2031-01-08T06:00:00Z"))).isEmpty();
        assertThat(plan.quietUntil(Instant.parse("2031-01-07T20:59:00Z"))).isEmpty();
    }

    @Test
    void theZoneIsTheChangeWindowsOneWhenTheRemindersNameNone() throws SourceException {
        ReminderPlan plan = Fixtures.read(dir, ROLES + """
                windows: { time-zone: America/New_York }
                reminders: { after: 15m, quiet-hours: 12:00-13:00 }
                """).manifest().reminders().orElseThrow();
        assertThat(plan.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(plan.escalateAfter()).isEmpty();
        assertThat(plan.quietUntil(Instant.parse("2031-01-07T17:30:00Z"))).contains(Instant.parse("2031-01-07T18:00:00Z"));
    }

    @Test
    void badValuesAreNamedByFileLine() {
        String yaml = ROLES + """
                reminders:
                  after: soon
                  escalate-after: 10m
                  escalate-to: cto
                  quiet-hours: nights
                  time-zone: Mars/Olympus
                """;
        List<String> errors = errors(dir, yaml);
        hasError(errors, lineOf(yaml, "after: soon"), "reminders.after", "expected a duration", "soon");
        hasError(errors, lineOf(yaml, "escalate-to: cto"), "reminders.escalate-to", "no role 'cto'", "qa-lead, em");
        hasError(errors, lineOf(yaml, "quiet-hours"), "reminders.quiet-hours", "expected quiet hours", "nights");
        hasError(errors, lineOf(yaml, "time-zone"), "reminders.time-zone", "expected a time zone", "Mars/Olympus");
    }

    @Test
    void anEscalationMustComeAfterTheReminderAndNameItsRole() {
        String yaml = ROLES + "reminders:\n  after: 30m\n  escalate-after: 30m\n";
        List<String> errors = errors(dir, yaml);
        hasError(errors, lineOf(yaml, "escalate-after"), "reminders.escalate-after", "must be later than after (30m)");
        hasError(errors, lineOf(yaml, "escalate-after"), "reminders.escalate-after", "needs escalate-to");
        String missing = ROLES + "reminders:\n  escalate-to: em\n  escalate-after: 1h\n";
        hasError(errors(dir, missing), lineOf(missing, "reminders:"), "reminders.after", "missing");
    }
}

package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.source.SourceException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollback plan's action types and incident channels, and change windows, as the manifest reader reads them. */
class RollbackActionsAndWindowsTest {

    @TempDir
    Path dir;

    @Test
    void readsAGithubActionsRollbackAndIncidentChannels() throws SourceException {
        RollbackPlan plan = Fixtures.read(dir, Fixtures.MINIMAL + """
                rollback:
                  decision-owner: qa-lead
                  incident-channels: [C0INCIDENT1]
                  action:
                    type: github-actions
                    repository: acme/portal
                    workflow: rollback.yml
                    token: ${GITHUB_TOKEN}
                    inputs: { version: "{version}" }
                """).manifest().rollback();
        RollbackPlan.Action action = plan.action().orElseThrow();
        assertThat(action.type()).isEqualTo("github-actions");
        assertThat(action.url().written()).isEqualTo("https://api.github.com");
        RollbackPlan.Workflow w = action.workflow().orElseThrow();
        assertThat(w.repository()).isEqualTo("acme/portal");
        assertThat(w.ref()).isEqualTo("main");
        assertThat(w.token().references()).containsExactly("GITHUB_TOKEN");
        assertThat(w.inputs()).containsExactly(Map.entry("version", "{version}"));
        assertThat(plan.incidentChannels()).containsExactly("C0INCIDENT1");
    }

    @Test
    void noneMeansPeopleDoTheStepsAndAnUnknownTypeIsNamed() throws SourceException {
        assertThat(Fixtures.read(dir, Fixtures.MINIMAL + "rollback:\n  action: { type: none }\n").manifest().rollback()
                .action()).isEmpty();
        String yaml = Fixtures.MINIMAL + "rollback:\n  action: { type: ansible, url: https://x.example }\n";
        assertThat(Fixtures.errors(dir, yaml)).anySatisfy(e -> assertThat(e)
                .contains("expected webhook, github-actions or none, got \"ansible\""));
    }

    @Test
    void readsChangeWindowsAndSaysWhenTheyAreClosed() throws SourceException {
        ChangeWindows w = Fixtures.read(dir, Fixtures.MINIMAL + """
                windows:
                  time-zone: Europe/Berlin
                  deploy: ["Mon-Fri 02:00-06:00", "Sat,Sun 22:00-01:00"]
                  freezes:
                    - { from: 2031-12-20, to: 2032-01-05, reason: holiday freeze }
                  override: { roles: [qa-lead] }
                """).manifest().windows().orElseThrow();
        assertThat(w.deploy().getFirst().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(w.deploy().get(1).end()).isEqualTo(LocalTime.of(1, 0));
        assertThat(w.override().roles()).containsExactly("qa-lead");
        // Tuesday 2031-01-07 03:00 in Berlin is 02:00 UTC: open
        assertThat(w.closed(Instant.parse("2031-01-07T02:00:00Z"))).isEmpty();
        // Sunday 00:30 in Berlin: inside Saturday's window past midnight
        assertThat(w.closed(Instant.parse("2031-01-04T23:30:00Z"))).isEmpty();
        assertThat(w.explain(Instant.parse("2031-01-07T10:00:00Z")))
                .isEqualTo("It is Tue 2031-01-07 11:00 Europe/Berlin, outside the deployment windows (Mon-Fri 02:00-06:00, "
                        + "Sat,Sun 22:00-01:00 Europe/Berlin). Next window: Wed 2031-01-08 02:00 Europe/Berlin.");
        assertThat(w.closed(Instant.parse("2031-12-23T02:00:00Z"))).get().asString().contains("holiday freeze");
    }

    @Test
    void aWindowThatDoesNotReadIsNamedByItsLine() {
        String yaml = Fixtures.MINIMAL + "windows:\n  time-zone: Mars/Olympus\n  deploy: [\"weekdays 9-5\"]\n";
        List<String> errors = Fixtures.errors(dir, yaml);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("expected a time zone", "Mars/Olympus"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("expected days and hours", "weekdays 9-5"));
    }
}

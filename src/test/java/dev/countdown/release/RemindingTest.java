package dev.countdown.release;

import static dev.countdown.release.Definitions.T0;
import static dev.countdown.release.Definitions.actor;
import static dev.countdown.release.Definitions.approved;
import static dev.countdown.release.Definitions.checklist;
import static dev.countdown.release.Definitions.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a reminder says of a release as it stands, and when it says nothing. */
class RemindingTest {

    private static final Actor COUNTDOWN = new Actor(IdentitySource.SYSTEM, "countdown-reminders", "Countdown", Set.of());
    private static final ReleaseDefinition D = Definitions.of("""
            service: svc
            template: test.md
            channels: { slack: [C0TEST001] }
            roles:
              qa-lead: { owners: { slack-users: [U0QA] } }
              dba: { owners: { slack-users: [U0DBA] } }
              product-owner: { owners: { slack-users: [U0PO] } }
              cto: { owners: { slack-users: [U0CTO] } }
            policy:
              required-roles: [qa-lead]
              quorum: { at-least: 1, of: [dba, product-owner] }
            reminders: { after: 30m, escalate-after: 1h, escalate-to: cto, quiet-hours: 22:00-07:00 }
            """, checklist(1));

    @Test
    void pendingAreTheRequiredRolesAndAShortQuorumsRolesButNotARejectedOne() {
        Release r = open(D);
        assertThat(new Reminding(D).pending(r)).containsExactly("qa-lead", "dba", "product-owner");
        Release rejected = r.withVote("qa-lead", new Vote(actor("U0QA").ref(), false, T0, "no"));
        assertThat(new Reminding(D).pending(approved(rejected, "dba", "U0DBA"))).isEmpty();
    }

    @Test
    void eachRoleIsMentionedOnceARoundAndTheEscalationRoleOnce() {
        Step.Changed first = changed(open(D), false);
        assertThat(first.changes()).extracting(Change::type).containsExactly("approval.reminded");
        assertThat(first.release().reminders().getFirst().mentioned()).containsExactly("qa-lead", "dba", "product-owner");
        assertThat(changed(first.release(), false).changes()).as("a second nudge names nobody again").isEmpty();

        Step.Changed escalated = changed(first.release(), true);
        assertThat(escalated.changes()).extracting(Change::subject).containsExactly("cto");
        assertThat(changed(escalated.release(), true).changes()).isEmpty();
        assertThat(changed(escalated.release().reopened(), false).changes()).as("round 1's nudge, after a reopen")
                .isEmpty();
    }

    @Test
    void quietHoursDeferToTheirEndAndOnlyCountdownReminds() {
        Step quiet = new Reminding(D).remind(open(D), new Command.Remind("rtest", 1, false), COUNTDOWN,
                T0.plus(Duration.ofHours(13)));
        assertThat(((Step.Changed) quiet).changes()).containsExactly(new Change("approval.reminder-deferred", "reminder",
                "", "2026-11-24T07:00:00Z", "quiet hours 22:00-07:00 UTC"));
        assertThat(new Reminding(D).remind(open(D), new Command.Remind("rtest", 1, false), actor("U0QA"), T0))
                .isInstanceOf(Step.Refused.class);
        assertThat(changed(open(D).withState(ReleaseState.GO), false).changes()).isEmpty();
    }

    private static Step.Changed changed(Release release, boolean escalate) {
        return (Step.Changed) new Reminding(D).remind(release, new Command.Remind("rtest", 1, escalate), COUNTDOWN, T0);
    }
}

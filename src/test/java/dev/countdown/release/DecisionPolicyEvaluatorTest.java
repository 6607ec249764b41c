package dev.countdown.release;

import static dev.countdown.release.Definitions.T0;
import static dev.countdown.release.Definitions.actor;
import static dev.countdown.release.Definitions.approved;
import static dev.countdown.release.Definitions.checklist;
import static dev.countdown.release.Definitions.open;
import static dev.countdown.release.Definitions.passing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionPolicyEvaluatorTest {

    private static final String ROLES = """
            service: svc
            template: test.md
            channels: { slack: [C0TEST001] }
            roles:
              qa-lead: { owners: { slack-users: [U0QA] } }
              cto: { owners: { slack-users: [U0CTO] } }
              senior-engineer: { owners: { slack-users: [U0SE1, U0SE2] } }
              dba: { owners: { slack-users: [U0DBA] } }
              product-owner: { owners: { slack-users: [U0PO] } }
            """;

    @Test
    void nineOfTenPassingNeedsTheReviewBandsRole() {
        ReleaseDefinition d = Definitions.of(ROLES + """
                policy:
                  required-roles: [qa-lead]
                  review-band: { min-passing: 9/10, requires: [cto] }
                """, checklist(10));
        Release nine = approved(passing(open(d), d, 9), "qa-lead", "U0QA");
        Verdict without = evaluate(d, nine);
        assertThat(without.outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(without.reasons()).extracting(Reason::text)
                .containsExactly("not done: Item 10", "9 of 10 items pass: a GO needs the approval of CTO");
        assertThat(evaluate(d, approved(nine, "cto", "U0CTO")).outcome()).isEqualTo(Outcome.GO);

        Release eight = approved(approved(passing(open(d), d, 8), "qa-lead", "U0QA"), "cto", "U0CTO");
        Verdict below = evaluate(d, eight);
        assertThat(below.outcome()).as("below the band the CTO cannot help").isEqualTo(Outcome.NO_GO);
        assertThat(below.reasons()).extracting(Reason::kind).containsOnly(Reason.Kind.ITEM_PENDING);
    }

    @Test
    void aQuorumOfOptionalRolesMustBeMet() {
        ReleaseDefinition d = Definitions.of(ROLES + """
                policy:
                  required-roles: [qa-lead]
                  quorum: { at-least: 1, of: [dba, product-owner] }
                """, checklist(1));
        Release ready = approved(passing(open(d), d, 1), "qa-lead", "U0QA");
        assertThat(evaluate(d, ready).reasons()).extracting(Reason::text)
                .containsExactly("0 of DBA, Product Owner approved; at least 1 needed");
        assertThat(evaluate(d, approved(ready, "product-owner", "U0PO")).outcome()).isEqualTo(Outcome.GO);
    }

    @Test
    void aRejectionIsAReasonWithItsNote() {
        ReleaseDefinition d = Definitions.of(ROLES + "policy: { required-roles: [qa-lead] }\n", checklist(1));
        Release rejected = passing(open(d), d, 1).withVote("qa-lead",
                new Vote(actor("U0QA").ref(), false, T0, "regression in checkout"));
        assertThat(evaluate(d, rejected).reasons()).extracting(Reason::text)
                .containsExactly("QA Lead rejected by U0QA: regression in checkout");
    }

    @Test
    void anOverrideNeedsEveryNamedRoleAndCount() {
        ReleaseDefinition d = Definitions.of(ROLES + """
                policy:
                  required-roles: [qa-lead]
                  override: { requires: { cto: 1, senior-engineer: 2 } }
                """, checklist(2));
        Release failing = approved(passing(open(d), d, 1), "cto", "U0CTO").withVote("senior-engineer",
                new Vote(actor("U0SE1").ref(), true, T0, ""));
        Verdict partial = new DecisionPolicyEvaluator(d).evaluate(failing, 0, true, T0);
        assertThat(partial.outcome()).isEqualTo(Outcome.NO_GO);
        assertThat(partial.reasons()).extracting(Reason::text)
                .contains("override needs 2 approval(s) of Senior Engineer, has 1");

        Release both = approved(failing, "senior-engineer", "U0SE2");
        Verdict overridden = new DecisionPolicyEvaluator(d).evaluate(both, 0, true, T0);
        assertThat(overridden.outcome()).isEqualTo(Outcome.GO);
        assertThat(overridden.overridden()).isTrue();
        assertThat(overridden.reasons()).as("the override keeps what it overrode")
                .extracting(Reason::text).contains("not done: Item 2", "QA Lead not approved (0 of 1)");
        assertThat(new DecisionPolicyEvaluator(d).evaluate(both, 0, false, T0).outcome())
                .as("no override unless asked").isEqualTo(Outcome.NO_GO);
    }

    @Test
    void aProbesPassGoesStaleAfterItsFreshness() {
        ReleaseDefinition d = Definitions.of(ROLES + """
                probes:
                  health: { type: http, url: "https://svc.example.com/health", freshness: 30m }
                bindings:
                  health: [checks.item-1]
                policy: { required-roles: [] }
                """, checklist(1));
        Release probed = open(d).withItem("checks.item-1",
                ItemStatus.PENDING.set(ItemState.PASS, actor("U0SYS").ref(), T0, "200 in 41 ms", true));
        var evaluator = new DecisionPolicyEvaluator(d);
        assertThat(evaluator.evaluate(probed, 0, false, T0.plus(Duration.ofMinutes(29))).outcome()).isEqualTo(Outcome.GO);
        Verdict stale = evaluator.evaluate(probed, 0, false, T0.plus(Duration.ofMinutes(31)));
        assertThat(stale.reasons()).extracting(Reason::text)
                .containsExactly("stale evidence: probe health last passed 31m ago (limit 30m)");
    }

    @Test
    void aGateWeighsItsOwnPhaseOnlyAndOptionalItemsMayWait() {
        ReleaseDefinition d = Definitions.of(ROLES + "policy: { required-roles: [qa-lead], optional-items: [after.later-2] }\n", """
                # Gated
                ## Canary
                - [ ] Canary up
                Canary gate: [ ] GO [ ] NO-GO
                ## After
                - [ ] Later 1
                - [ ] Later 2
                """);
        assertThat(d.phases()).hasSize(2);
        Release canary = passing(open(d), d, 1);
        assertThat(new DecisionPolicyEvaluator(d).evaluate(canary, 0, false, T0).outcome())
                .as("no approvals needed at a gate").isEqualTo(Outcome.GO);
        Release last = approved(passing(canary, d, 2), "qa-lead", "U0QA");
        assertThat(new DecisionPolicyEvaluator(d).evaluate(last, 1, false, T0).outcome()).isEqualTo(Outcome.GO);
    }

    private static Verdict evaluate(ReleaseDefinition d, Release r) {
        return new DecisionPolicyEvaluator(d).evaluate(r, d.phases().size() - 1, false, T0);
    }
}

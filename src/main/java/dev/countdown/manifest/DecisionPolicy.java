package dev.countdown.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a GO takes.
 *
 * @param requiredRoles   roles that must each reach their quorum of approvals
 * @param optionalItems   items that may stay pending; every other item must pass or be n/a
 * @param quorum          beyond the required roles, at least N of these other roles
 * @param reviewBand      a nearly-passing checklist that a named role may still take to GO
 * @param override        who, together, may turn a NO-GO into a GO, recorded as an override
 * @param evidenceMaxAge  how old a probe's result may be and still count, unless the probe says otherwise
 * @param autoDecide      post the decision as soon as the policy is met, without {@code /release decide}
 */
public record DecisionPolicy(
        List<String> requiredRoles,
        List<String> optionalItems,
        Optional<Quorum> quorum,
        Optional<ReviewBand> reviewBand,
        Optional<Override> override,
        Duration evidenceMaxAge,
        boolean autoDecide) {

    public static final Duration DEFAULT_EVIDENCE_MAX_AGE = Duration.ofMinutes(30);

    public DecisionPolicy {
        requiredRoles = List.copyOf(requiredRoles);
        optionalItems = List.copyOf(optionalItems);
    }

    public DecisionPolicy withRequiredRoles(List<String> roles) {
        return new DecisionPolicy(roles, optionalItems, quorum, reviewBand, override, evidenceMaxAge, autoDecide);
    }

    /** At least {@code atLeast} of {@code of} must approve. */
    public record Quorum(int atLeast, List<String> of) {
        public Quorum {
            of = List.copyOf(of);
        }
    }

    /**
     * When the share of required items passing is at least {@code minPassingPercent} but below 100,
     * a GO needs the approval of every role in {@code requires} (e.g. 9 of 10 passing needs the CTO).
     */
    public record ReviewBand(int minPassingPercent, List<String> requires) {
        public ReviewBand {
            requires = List.copyOf(requires);
        }
    }

    /** Role id → how many of its owners must approve the override. */
    public record Override(Map<String, Integer> requires) {
        public Override {
            requires = OrderedMaps.copyOf(requires);
        }
    }
}

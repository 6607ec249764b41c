package dev.countdown.release;

import java.util.List;

/** What the policy says of a gate or a release: GO or NO-GO, with every reason. */
public record Verdict(Outcome outcome, List<Reason> reasons, boolean overridden) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }
}

package dev.countdown.release;

import java.time.Instant;
import java.util.List;

/**
 * A decision as taken: of a gate (its section id) or of the release ({@code gate} null), with
 * every reason. An overridden decision is a GO that the policy alone would have made a NO-GO.
 */
public record DecisionRecord(int round, String gate, String gateLabel, Outcome outcome, List<Reason> reasons,
                             boolean overridden, ActorRef by, Instant at, String note) {

    public DecisionRecord {
        reasons = List.copyOf(reasons);
        note = note == null ? "" : note;
    }

    public boolean isFinal() {
        return gate == null;
    }
}

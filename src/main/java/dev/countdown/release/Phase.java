package dev.countdown.release;

import dev.countdown.template.Gate;
import java.util.List;
import java.util.Optional;

/**
 * A stretch of the checklist closed by a decision: the items up to a gate, or, after the last
 * gate, the items left. The last phase's decision is the release's decision.
 *
 * @param gateSection the id of the section whose gate closes the phase; empty for a trailing phase
 */
public record Phase(int index, Optional<String> gateSection, Optional<Gate> gate, List<String> itemIds) {

    public Phase {
        itemIds = List.copyOf(itemIds);
    }

    public String label() {
        return gate.map(Gate::label).orElse("Release decision");
    }
}

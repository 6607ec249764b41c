package dev.countdown.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123456789Z");

    @Test
    void eachEventCarriesThePreviousHashAndItsOwn() {
        List<AuditEvent> events = chain(3);
        assertThat(events.getFirst().previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(events.get(1).previousHash()).isEqualTo(events.getFirst().hash());
        assertThat(events).extracting(AuditEvent::hash).doesNotHaveDuplicates().allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(events.getFirst().at()).as("kept to the millisecond every database stores")
                .isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(HashChain.firstBrokenLink(events)).isEmpty();
    }

    @Test
    void anAlteredRemovedOrReorderedEventIsNamed() {
        List<AuditEvent> altered = new ArrayList<>(chain(3));
        AuditEvent second = altered.get(1);
        altered.set(1, new AuditEvent(second.releaseId(), second.seq(), second.at(), second.actorSource(),
                second.actorId(), second.actorName(), second.type(), second.subject(), second.before(), "fail",
                second.note(), second.previousHash(), second.hash()));
        assertThat(HashChain.firstBrokenLink(altered)).hasValueSatisfying(m ->
                assertThat(m).startsWith("event #2 (seq 2, item.set item-2)").contains("was altered"));

        List<AuditEvent> removed = new ArrayList<>(chain(3));
        removed.remove(1);
        assertThat(HashChain.firstBrokenLink(removed)).hasValueSatisfying(m ->
                assertThat(m).startsWith("event #2").contains("removed or reordered"));
    }

    static List<AuditEvent> chain(int n) {
        List<AuditEvent> events = new ArrayList<>();
        int seq = 0;
        String head = HashChain.GENESIS;
        for (int k = 1; k <= n; k++) {
            AuditEvent e = HashChain.append(seq, head, "r1", AT, "slack", "U1", "Ada", "item.set", "item-" + k,
                    "pending", "pass", "note " + k);
            events.add(e);
            seq = e.seq();
            head = e.hash();
        }
        return events;
    }
}

package dev.countdown.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release's ceremony as it stands: an immutable value; every change makes a new one, so a
 * command that is refused or loses a race leaves nothing half-applied.
 *
 * @param definitionHash the manifest and template snapshot the release started with
 * @param phase          the index of the phase being worked: items of later phases are locked
 * @param round          1, then one more each time a NO-GO is reopened
 * @param votes          role id → the latest vote of each owner who voted
 * @param probes         probe name → its last result on this release
 * @param alerts         abort criteria that fired while the release was watched
 * @param rollback       for a rollback ceremony, the release it undoes and its action's run; for a release,
 *                       the rollback that undoes it; null when neither
 * @param reminders      nudges and escalations posted about approvals still pending, oldest first
 */
public record Release(
        String id,
        String service,
        String version,
        String definitionHash,
        ReleaseState state,
        int round,
        int phase,
        Map<String, ItemStatus> items,
        Map<String, List<Vote>> votes,
        List<DecisionRecord> decisions,
        ActorRef startedBy,
        Instant startedAt,
        Map<String, ProbeRecord> probes,
        List<Alert> alerts,
        RollbackLink rollback,
        List<Reminder> reminders) {

    public Release {
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        probes = unmodifiable(probes == null ? Map.of() : probes);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        items = unmodifiable(items);
        votes = unmodifiable(votes);
        decisions = List.copyOf(decisions);
    }

    public ItemStatus item(String itemId) {
        return items.getOrDefault(itemId, ItemStatus.PENDING);
    }

    public List<Vote> votes(String roleId) {
        return votes.getOrDefault(roleId, List.of());
    }

    /** Distinct owners whose latest vote for the role approves it. */
    public long approvals(String roleId) {
        return votes(roleId).stream().filter(Vote::approve).count();
    }

    /** Everyone in the release as {@code names} shows them; see {@link LoadedRelease#named}. */
    Release named(DisplayNames names) {
        Map<String, ItemStatus> namedItems = new LinkedHashMap<>();
        items.forEach((id, s) -> namedItems.put(id, new ItemStatus(s.state(), names.named(s.by()), s.at(),
                s.notes().stream().map(n -> new ItemNote(n.text(), names.named(n.by()), n.at(), n.state())).toList(),
                s.bySystem())));
        Map<String, List<Vote>> namedVotes = new LinkedHashMap<>();
        votes.forEach((role, vs) -> namedVotes.put(role, vs.stream()
                .map(v -> new Vote(names.named(v.by()), v.approve(), v.at(), v.note())).toList()));
        List<DecisionRecord> namedDecisions = decisions.stream().map(d -> new DecisionRecord(d.round(), d.gate(),
                d.gateLabel(), d.outcome(), d.reasons(), d.overridden(), names.named(d.by()), d.at(), d.note())).toList();
        Map<String, ProbeRecord> namedProbes = new LinkedHashMap<>();
        probes.forEach((name, p) -> namedProbes.put(name, new ProbeRecord(p.name(), p.type(), p.outcome(), p.summary(),
                p.attempts(), p.at(), names.named(p.by()), p.failuresInARow())));
        return new Release(id, service, version, definitionHash, state, round, phase, namedItems, namedVotes,
                namedDecisions, names.named(startedBy), startedAt, namedProbes, alerts, rollback, reminders);
    }

    public Release withState(ReleaseState next) {
        return new Release(id, service, version, definitionHash, next, round, phase, items, votes, decisions,
                startedBy, startedAt, probes, alerts, rollback, reminders);
    }

    public Release withItem(String itemId, ItemStatus status) {
        Map<String, ItemStatus> next = new LinkedHashMap<>(items);
        next.put(itemId, status);
        return new Release(id, service, version, definitionHash, state, round, phase, next, votes, decisions,
                startedBy, startedAt, probes, alerts, rollback, reminders);
    }

    public Release withVote(String roleId, Vote vote) {
        List<Vote> roleVotes = new ArrayList<>(votes(roleId));
        roleVotes.removeIf(v -> v.by().source() == vote.by().source() && v.by().userId().equals(vote.by().userId()));
        roleVotes.add(vote);
        Map<String, List<Vote>> next = new LinkedHashMap<>(votes);
        next.put(roleId, List.copyOf(roleVotes));
        return new Release(id, service, version, definitionHash, state, round, phase, items, next, decisions,
                startedBy, startedAt, probes, alerts, rollback, reminders);
    }

    public Release withDecision(DecisionRecord decision, ReleaseState nextState, int nextPhase) {
        List<DecisionRecord> next = new ArrayList<>(decisions);
        next.add(decision);
        return new Release(id, service, version, definitionHash, nextState, round, nextPhase, items, votes, next,
                startedBy, startedAt, probes, alerts, rollback, reminders);
    }

    public Release withProbe(ProbeRecord record) {
        Map<String, ProbeRecord> next = new LinkedHashMap<>(probes);
        next.put(record.name(), record);
        return new Release(id, service, version, definitionHash, state, round, phase, items, votes, decisions,
                startedBy, startedAt, next, alerts, rollback, reminders);
    }

    public Release withAlert(Alert alert) {
        List<Alert> next = new ArrayList<>(alerts);
        next.add(alert);
        return new Release(id, service, version, definitionHash, state, round, phase, items, votes, decisions,
                startedBy, startedAt, probes, next, rollback, reminders);
    }

    public Release reopened() {
        return new Release(id, service, version, definitionHash, ReleaseState.OPEN, round + 1, phase, items, votes,
                decisions, startedBy, startedAt, probes, alerts, rollback, reminders);
    }

    public Release withRollback(RollbackLink link) {
        return new Release(id, service, version, definitionHash, state, round, phase, items, votes, decisions,
                startedBy, startedAt, probes, alerts, link, reminders);
    }

    public Release withPhase(int next) {
        return new Release(id, service, version, definitionHash, state, round, next, items, votes, decisions,
                startedBy, startedAt, probes, alerts, rollback, reminders);
    }

    public Release withReminder(Reminder reminder) {
        List<Reminder> next = new ArrayList<>(reminders);
        next.add(reminder);
        return new Release(id, service, version, definitionHash, state, round, phase, items, votes, decisions,
                startedBy, startedAt, probes, alerts, rollback, next);
    }

    /** Whether this is a rollback ceremony rather than a release; not a field of the document. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRollback() {
        return rollback != null && rollback.undoes() != null;
    }

    /**
     * Whether items and notes may still change: while open; in a rollback also once approved and
     * after it is done, for its steps and its post-rollback items.
     */
    public boolean acceptsWork() {
        return state.acceptsWork() || isRollback() && (state == ReleaseState.GO || state == ReleaseState.ROLLED_BACK);
    }

    private static <K, V> Map<K, V> unmodifiable(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

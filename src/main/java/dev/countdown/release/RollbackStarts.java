package dev.countdown.release;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.evidence.AuditEventRepository;
import dev.countdown.evidence.AuditEventRow;
import dev.countdown.evidence.HashChain;
import dev.countdown.manifest.Principals;
import dev.countdown.release.CommandResult.Refusal;
import dev.countdown.source.SourceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@link ReleaseService}'s transaction that touches two releases: a rollback's start
 * (a new release row of its own, from the rollback snapshot of the release's definition) and what
 * a rollback's change does to the release it undoes.
 */
final class RollbackStarts {

    private final ReleaseService service;
    private final ReleaseRowRepository releases;
    private final DefinitionRowRepository definitionRows;
    private final AuditEventRepository auditEvents;
    private final DefinitionCache definitions;

    RollbackStarts(ReleaseService service, ReleaseRowRepository releases, DefinitionRowRepository definitionRows,
                   AuditEventRepository auditEvents, DefinitionCache definitions) {
        this.service = service;
        this.releases = releases;
        this.definitionRows = definitionRows;
        this.auditEvents = auditEvents;
        this.definitions = definitions;
    }

    CommandResult start(Command.StartRollback command, Actor actor, Instant now, List<CommandResult.Applied> linked) {
        Optional<ReleaseRow> row = releases.findByIdForUpdate(command.releaseId());
        if (row.isEmpty()) {
            return new CommandResult.Refused(Refusal.NOT_FOUND, "No release '" + command.releaseId() + "'.",
                    Principals.NONE, null);
        }
        Release undone = ReleaseDocuments.read(row.get().document());
        ReleaseDefinition releaseDefinition = definitions.get(row.get().definitionHash());
        Optional<String> elsewhere = Authorizer.venueRefusal(actor, undone.startedBy());
        if (elsewhere.isPresent()) {
            return new CommandResult.Refused(Refusal.FORBIDDEN, elsewhere.get(), Principals.NONE, undone.id());
        }
        RollbackCeremony rules = new RollbackCeremony(releaseDefinition,
                new Authorizer(releaseDefinition.manifest(), undone.startedBy()));
        Optional<CommandResult.Refused> refused = rules.startRefusal(undone, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        ReleaseDefinition definition = rollbackDefinition(row.get(), lastGo(undone), now);
        Step.Changed changed = rules.start(service.newId(), definition.hash(), undone, actor, command.note(), now);
        Release rollback = changed.release();
        List<AuditEvent> events = ReleaseService.chain(rollback.id(), 0, HashChain.GENESIS, actor, changed.changes(), now);
        releases.save(new ReleaseRow(rollback.id(), rollback.service(), rollback.version(), rollback.state().name(),
                "rollback:" + undone.id(), definition.hash(), ReleaseDocuments.write(rollback), events.size(),
                events.getLast().hash(), null, now, now));
        auditEvents.saveAll(events.stream().map(AuditEventRow::of).toList());
        changed.linked().forEach(l -> linked.add(writeLinked(l, actor, now)));
        return new CommandResult.Applied(rollback, events, changed.message());
    }

    /** The release a rollback undoes, moved as the rollback's change says, on its own audit chain. */
    CommandResult.Applied writeLinked(Step.Linked link, Actor actor, Instant now) {
        ReleaseRow row = releases.findByIdForUpdate(link.releaseId())
                .orElseThrow(() -> new IllegalStateException("the release a rollback undoes is gone: " + link.releaseId()));
        Release after = ReleaseDocuments.read(row.document()).withState(link.state()).withRollback(link.link());
        List<AuditEvent> events = service.write(row, after, actor, List.of(link.change()), now);
        return new CommandResult.Applied(after, events, "");
    }

    /** The label of the last gate (or release decision) given GO in the current round: "Phase 2 Go/No-Go". */
    private static Optional<String> lastGo(Release undone) {
        return undone.decisions().stream().filter(d -> d.round() == undone.round() && d.outcome() == Outcome.GO)
                .map(DecisionRecord::gateLabel).reduce((a, b) -> b);
    }

    private ReleaseDefinition rollbackDefinition(ReleaseRow row, Optional<String> lastGo, Instant now) {
        DefinitionSnapshot snapshot = DefinitionSnapshot.fromJson(definitionRows.findById(row.definitionHash())
                .orElseThrow(() -> new IllegalStateException("definition " + row.definitionHash() + " is missing"))
                .snapshot()).forRollback(lastGo);
        String hash = snapshot.hash();
        if (!definitionRows.existsById(hash)) {
            definitionRows.save(new DefinitionRow(hash, row.service(), snapshot.toJson(), now));
        }
        try {
            ReleaseDefinition definition = snapshot.read();
            definitions.remember(definition);
            return definition;
        } catch (SourceException e) {
            throw new IllegalStateException("the rollback plan of " + row.service() + " no longer reads: "
                    + e.getMessage(), e);
        }
    }
}

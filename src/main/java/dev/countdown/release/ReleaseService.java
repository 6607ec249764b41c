package dev.countdown.release;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.evidence.AuditEventRepository;
import dev.countdown.evidence.AuditEventRow;
import dev.countdown.evidence.HashChain;
import dev.countdown.manifest.Principals;
import dev.countdown.release.CommandResult.Refusal;
import dev.countdown.source.SourceException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs commands against stored releases. One transaction per command: check the idempotency
 * key, apply the ceremony's rules, write the release under its optimistic lock, append the audit
 * events to the hash chain and record the key. A transaction that loses a race is retried from
 * the start against what the winner wrote, so no click is lost and none counts twice.
 */
@Singleton
public class ReleaseService {

    private static final int MAX_ATTEMPTS = 200;
    private static final java.util.Set<String> RACE_STATES = java.util.Set.of("23505", "40001", "40P01", "HYT00",
            "55P03", "90131");
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final TransactionOperations<Connection> transactions;
    private final ReleaseRowRepository releases;
    private final DefinitionRowRepository definitionRows;
    private final CommandReceipts receipts;
    private final AuditEventRepository auditEvents;
    private final DefinitionCache definitions;
    private final ManifestRegistry registry;
    private final Clock clock;
    private final List<ReleaseObserver> observers;
    private final SecureRandom random = new SecureRandom();
    private final RollbackStarts rollbacks;

    public ReleaseService(TransactionOperations<Connection> transactions, ReleaseRowRepository releases,
                          DefinitionRowRepository definitionRows, CommandReceiptRepository receipts,
                          AuditEventRepository auditEvents, DefinitionCache definitions, ManifestRegistry registry,
                          Clock clock, List<ReleaseObserver> observers) {
        this.transactions = transactions;
        this.releases = releases;
        this.definitionRows = definitionRows;
        this.receipts = new CommandReceipts(receipts, releases);
        this.auditEvents = auditEvents;
        this.definitions = definitions;
        this.registry = registry;
        this.clock = clock;
        this.observers = List.copyOf(observers);
        this.rollbacks = new RollbackStarts(this, releases, definitionRows, auditEvents, definitions);
    }

    /** A key claimed before: what its call answered, or ({@code running}) that it has not answered yet. */
    public record Seen(CommandResult.Repeated answer, boolean running) {
    }

    public CommandResult handle(CommandRequest request) {
        return handle(request, false);
    }

    /**
     * Claims an idempotency key before something slow runs for it (probes): empty when this call
     * is the first with the key, so it may go ahead; otherwise what the earlier call answered, or
     * {@code whileRunning} while it has not. The claim is its own short transaction, committed
     * before anything runs; {@link #complete} records the command and its answer under the key.
     */
    public Optional<Seen> claim(String idempotencyKey, String releaseId, String whileRunning) {
        Limits.require("idempotency key", idempotencyKey, Limits.IDEMPOTENCY_KEY);
        Instant now = HashChain.timestamp(clock.instant());
        return write(status -> receipts.claim(idempotencyKey, releaseId, whileRunning, now));
    }

    /** Handles the command of a call that {@link #claim claimed} its key; a repeat of it still has no effect. */
    public CommandResult complete(CommandRequest request) {
        return handle(request, true);
    }

    /** A claimed call failed before {@link #complete}: a repeat answers {@code message}, and runs nothing. */
    public void abandon(String idempotencyKey, String message) {
        Instant now = HashChain.timestamp(clock.instant());
        write(status -> {
            receipts.abandon(idempotencyKey, message, now);
            return null;
        });
    }

    private CommandResult handle(CommandRequest request, boolean claimed) {
        Optional<String> problem = Limits.problem(request.command());
        if (problem.isPresent()) {
            // Malformed input is refused before any storage: it is nobody's attempt under the rules.
            String releaseId = request.command().releaseId();
            return refusedBeforeStorage(request, claimed, new CommandResult.Refused(Refusal.INVALID,
                    Limits.sentence(problem.get()), Principals.NONE,
                    releaseId == null || releaseId.length() > Limits.RELEASE_ID ? null : releaseId));
        }
        Optional<ManifestRegistry.Found> found = Optional.empty();
        if (request.command() instanceof Command.Start start) {
            try {
                found = Optional.of(registry.find(start.service()));
            } catch (SourceException e) {
                return refusedBeforeStorage(request, claimed, new CommandResult.Refused(Refusal.NOT_FOUND,
                        e.problems().getFirst().message(), Principals.NONE, null));
            }
        }
        Optional<ManifestRegistry.Found> manifest = found;
        return write(status -> handleOnce(request, manifest, claimed));
    }

    /** A claimed key must not stay running: its repeats answer this refusal. */
    private CommandResult refusedBeforeStorage(CommandRequest request, boolean claimed, CommandResult.Refused refused) {
        if (claimed) {
            Instant now = HashChain.timestamp(clock.instant());
            write(status -> {
                receipts.record(request, refused, now, true);
                return null;
            });
        }
        return refused;
    }

    /** One write transaction, run again from the start each time it loses a race, and only then. */
    private <T> T write(TransactionCallback<Connection, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(work);
            } catch (DataAccessException e) {
                if (attempt >= MAX_ATTEMPTS || !isRace(e)) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 1_000_000L * Math.min(attempt, 10)));
            }
        }
    }

    /**
     * The definition a release runs, without reading its document: a click needs only the manifest
     * to know who clicked, and the document is read once, inside the command's transaction.
     */
    public Optional<ReleaseDefinition> definitionOf(String releaseId) {
        return releases.findDefinitionHashById(releaseId).map(definitions::get);
    }

    public Optional<LoadedRelease> find(String releaseId) {
        return releases.findById(releaseId).map(this::load);
    }

    public List<LoadedRelease> list(Optional<String> service) {
        List<ReleaseRow> rows = service.map(releases::findByServiceOrderByCreatedAtDesc)
                .orElseGet(releases::findAllOrderByCreatedAtDesc);
        return rows.stream().map(this::load).toList();
    }

    /** The releases in one state, newest first. */
    public List<LoadedRelease> inState(ReleaseState state) {
        return releases.findByStateOrderByCreatedAtDesc(state.name()).stream().map(this::load).toList();
    }

    /** How many releases are in each state, for the metrics. */
    public java.util.Map<ReleaseState, Long> countByState() {
        java.util.Map<ReleaseState, Long> counts = new java.util.EnumMap<>(ReleaseState.class);
        for (ReleaseState state : ReleaseState.values()) {
            counts.put(state, releases.countByState(state.name()));
        }
        return counts;
    }

    /** How many events the release has had: a cheap way to tell that it moved. */
    public Optional<Integer> revision(String releaseId) {
        return releases.findById(releaseId).map(ReleaseRow::eventCount);
    }

    /**
     * The evidence bundle of a release: a rollback's holds the trail of the release it undoes, and
     * a rolled-back release's the trail of its rollback, so one file tells the whole story.
     */
    /** The release's evidence bundle, with the linked ceremony's trail, everyone shown by {@code names}. */
    public com.fasterxml.jackson.databind.node.ObjectNode evidence(LoadedRelease loaded, Instant now, DisplayNames names) {
        Release r = loaded.release();
        java.util.Map<String, List<AuditEvent>> linked = new java.util.LinkedHashMap<>();
        if (r.rollback() != null) {
            String other = r.isRollback() ? r.rollback().undoes() : r.rollback().undoneBy();
            if (other != null) {
                linked.put(other, events(other));
            }
        }
        return ReleaseEvidence.bundle(loaded, events(r.id()), linked, now, names);
    }

    public List<AuditEvent> events(String releaseId) {
        return auditEvents.findByReleaseIdOrderBySeq(releaseId).stream().map(AuditEventRow::toEvent).toList();
    }

    private CommandResult handleOnce(CommandRequest request, Optional<ManifestRegistry.Found> found, boolean claimed) {
        Optional<CommandReceipt> receipt = receipts.find(request.idempotencyKey());
        if (receipt.isPresent() && !(claimed && CommandReceipts.running(receipt.get()))) {
            return receipts.seen(receipt.get()).answer();
        }
        Instant now = HashChain.timestamp(clock.instant());
        List<CommandResult.Applied> linked = new ArrayList<>();
        CommandResult result = switch (request.command()) {
            case Command.Start start -> start(start, request.actor(), found.orElseThrow(), now);
            case Command.StartRollback rollback -> rollbacks.start(rollback, request.actor(), now, linked);
            default -> change(request, now, linked);
        };
        receipts.record(request, result, now, receipt.isPresent());
        if (result instanceof CommandResult.Applied applied && !applied.events().isEmpty()) {
            observers.forEach(o -> o.applied(request, applied));
        } else if (result instanceof CommandResult.Refused refused && refused.releaseId() != null
                && request.command().releaseId() != null) {
            observers.forEach(o -> o.refused(request, refused));
        }
        linked.forEach(applied -> observers.forEach(o -> o.applied(request, applied)));
        return result;
    }

    private CommandResult start(Command.Start start, Actor actor, ManifestRegistry.Found found, Instant now) {
        DefinitionSnapshot snapshot = found.snapshot();
        String hash = snapshot.hash();
        ReleaseDefinition definition = ReleaseDefinition.of(hash, found.loaded().manifest(), found.loaded().template());
        Ceremony ceremony = new Ceremony(definition);
        Optional<Step> forbidden = ceremony.startRefusal(actor);
        if (forbidden.isPresent()) {
            return ((Step.Refused) forbidden.get()).refusal();
        }
        String openKey = openKey(definition.manifest().service(), start.version());
        Optional<ReleaseRow> existing = releases.findByOpenKey(openKey);
        if (existing.isPresent()) {
            return new CommandResult.Refused(Refusal.CONFLICT, "A release of " + definition.manifest().service() + " "
                    + start.version() + " already exists (" + existing.get().id() + ", "
                    + ReleaseState.valueOf(existing.get().state()).label() + ").", Principals.NONE, existing.get().id());
        }
        Step step = ceremony.start(newId(), start, actor, now);
        if (step instanceof Step.Refused refused) {
            return refused.refusal();
        }
        Step.Changed changed = (Step.Changed) step;
        if (!definitionRows.existsById(hash)) {
            definitionRows.save(new DefinitionRow(hash, definition.manifest().service(), snapshot.toJson(), now));
        }
        definitions.remember(definition);
        Release release = changed.release();
        List<AuditEvent> events = chain(release.id(), 0, HashChain.GENESIS, actor, changed.changes(), now);
        releases.save(new ReleaseRow(release.id(), release.service(), release.version(), release.state().name(),
                openKey, hash, ReleaseDocuments.write(release), events.size(), events.getLast().hash(), null, now, now));
        auditEvents.saveAll(events.stream().map(AuditEventRow::of).toList());
        return new CommandResult.Applied(release, events, changed.message());
    }

    private CommandResult change(CommandRequest request, Instant now, List<CommandResult.Applied> linkedApplied) {
        String releaseId = request.command().releaseId();
        Optional<ReleaseRow> row = releaseId == null ? Optional.empty() : releases.findByIdForUpdate(releaseId);
        if (row.isEmpty()) {
            return new CommandResult.Refused(Refusal.NOT_FOUND, "No release '" + releaseId + "'.", Principals.NONE, null);
        }
        Release release = ReleaseDocuments.read(row.get().document());
        Ceremony ceremony = new Ceremony(definitions.get(row.get().definitionHash()));
        Step step = ceremony.apply(release, request.command(), request.actor(), now);
        return switch (step) {
            case Step.Changed changed when changed.changes().isEmpty() ->
                    new CommandResult.Applied(release, List.of(), changed.message());
            case Step.Changed changed -> {
                // The decisions auto-decide takes are part of the same transaction, in Countdown's name.
                List<Step.Changed> auto = ceremony.autoDecisions(changed.release(), now);
                List<Acted> acts = new ArrayList<>(List.of(new Acted(request.actor(), changed.changes())));
                auto.forEach(a -> acts.add(new Acted(Decision.AUTO, a.changes())));
                Release after = auto.isEmpty() ? changed.release() : auto.getLast().release();
                String message = changed.message() + auto.stream().map(a -> "\n" + a.message()).reduce("", String::concat);
                List<AuditEvent> events = write(row.get(), after, acts, now);
                changed.linked().forEach(l -> linkedApplied.add(rollbacks.writeLinked(l, request.actor(), now)));
                yield new CommandResult.Applied(after, events, message);
            }
            case Step.Refused refused -> {
                // A refused attempt changes nothing but is on the record: who tried what, and why not.
                write(row.get(), release, List.of(new Acted(request.actor(), List.of(new Change("command.refused",
                        commandName(request.command()), "", refused.refusal().kind().name().toLowerCase(),
                        refused.refusal().message())))), now);
                yield refused.refusal();
            }
        };
    }

    /** Changes and who made them: a command's own, then any decision auto-decide took after it. */
    private record Acted(Actor actor, List<Change> changes) {
    }

    List<AuditEvent> write(ReleaseRow row, Release release, Actor actor, List<Change> changes, Instant now) {
        return write(row, release, List.of(new Acted(actor, changes)), now);
    }

    private List<AuditEvent> write(ReleaseRow row, Release release, List<Acted> acts, Instant now) {
        List<AuditEvent> events = new ArrayList<>();
        int seq = row.eventCount();
        String head = row.headHash();
        for (Acted act : acts) {
            List<AuditEvent> chained = chain(row.id(), seq, head, act.actor(), act.changes(), now);
            events.addAll(chained);
            if (!chained.isEmpty()) {
                seq = chained.getLast().seq();
                head = chained.getLast().hash();
            }
        }
        String openKey = release.state() == ReleaseState.CANCELLED ? null : row.openKey();
        releases.update(new ReleaseRow(row.id(), row.service(), row.version(), release.state().name(), openKey,
                row.definitionHash(), ReleaseDocuments.write(release), row.eventCount() + events.size(),
                events.getLast().hash(), row.rowVersion(), row.createdAt(), now));
        auditEvents.saveAll(events.stream().map(AuditEventRow::of).toList());
        return events;
    }

    static List<AuditEvent> chain(String releaseId, int seq, String head, Actor actor, List<Change> changes,
                                          Instant now) {
        List<AuditEvent> events = new ArrayList<>();
        for (Change c : changes) {
            AuditEvent event = HashChain.append(seq, head, releaseId, now, actor.source().label(), actor.userId(),
                    actor.displayName(), c.type(), c.subject(), c.before(), c.after(), c.note());
            events.add(event);
            seq = event.seq();
            head = event.hash();
        }
        return events;
    }

    private LoadedRelease load(ReleaseRow row) {
        return new LoadedRelease(ReleaseDocuments.read(row.document()), definitions.get(row.definitionHash()));
    }

    String newId() {
        char[] id = new char[10];
        for (int k = 0; k < id.length; k++) {
            id[k] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return "r" + new String(id);
    }

    static String openKey(String service, String version) {
        return service + "@" + version;
    }

    private static boolean isRace(RuntimeException e) {
        if (e instanceof OptimisticLockException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && isRaceState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The states of a lost race, on PostgreSQL and on H2 (its codes are the same in PostgreSQL mode):
     * unique violation 23505 (two inserts of one key), serialization failure 40001 (H2's deadlock
     * too), deadlock 40P01, lock timeouts HYT00 (H2) and 55P03 (PostgreSQL), and H2's concurrent
     * update 90131. Any other integrity violation (NOT NULL 23502, foreign key 23503, check 23513/23514)
     * is a bug that no retry mends: it surfaces at once.
     */
    static boolean isRaceState(String state) {
        return RACE_STATES.contains(state);
    }

    private static String commandName(Command command) {
        return command.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}

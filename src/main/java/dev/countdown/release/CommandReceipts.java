package dev.countdown.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The receipts of idempotency keys, inside {@link ReleaseService}'s transactions. A key is either
 * recorded with its command's result at once, or claimed first (by a call that runs something
 * slow, such as probes, before its command) and completed later: a claim is a receipt whose
 * outcome is {@value #RUNNING}, so a repeat of the call finds it and runs nothing.
 */
final class CommandReceipts {

    static final String RUNNING = "running";
    private static final String FAILED = "failed";
    /**
     * Longer than any run may take (the probe runner's deadline is minutes): a claim still running
     * after it was left by a process that died, and a repeat is told so instead of "still running".
     */
    static final Duration ORPHANED_AFTER = Duration.ofMinutes(15);
    static final String ORPHANED = "That run was interrupted before it finished (Countdown stopped); nothing was "
            + "recorded. Run it again.";

    private final CommandReceiptRepository receipts;
    private final ReleaseRowRepository releases;

    CommandReceipts(CommandReceiptRepository receipts, ReleaseRowRepository releases) {
        this.receipts = receipts;
        this.releases = releases;
    }

    Optional<CommandReceipt> find(String key) {
        return receipts.findById(key);
    }

    /**
     * Claims {@code key}: empty when this call is the first to hold it. Two calls at once both
     * insert; the primary key lets one commit, and the other's retry finds the winner's row.
     */
    Optional<ReleaseService.Seen> claim(String key, String releaseId, String whileRunning, Instant now) {
        Optional<CommandReceipt> earlier = receipts.findById(key);
        if (earlier.isPresent() && running(earlier.get()) && earlier.get().createdAt().isBefore(now.minus(ORPHANED_AFTER))) {
            CommandReceipt orphan = earlier.get();
            receipts.update(new CommandReceipt(key, orphan.releaseId(), FAILED, ORPHANED, now));
            return Optional.of(seen(receipts.findById(key).orElseThrow()));
        }
        if (earlier.isPresent()) {
            return Optional.of(seen(earlier.get()));
        }
        receipts.save(new CommandReceipt(key, releaseId, RUNNING, whileRunning, now));
        return Optional.empty();
    }

    /** Keeps what came of a command; {@code claimed}: its key was claimed before and is updated. */
    void record(CommandRequest request, CommandResult result, Instant now, boolean claimed) {
        CommandReceipt receipt = new CommandReceipt(request.idempotencyKey(), releaseIdOf(result, request),
                outcomeOf(result), messageOf(result), now);
        if (claimed) {
            receipts.update(receipt);
        } else {
            receipts.save(receipt);
        }
    }

    /** A claimed call that failed before it could record: a repeat answers {@code message} and runs nothing. */
    void abandon(String key, String message, Instant now) {
        receipts.findById(key).filter(CommandReceipts::running).ifPresent(r ->
                receipts.update(new CommandReceipt(r.idempotencyKey(), r.releaseId(), FAILED, message, now)));
    }

    ReleaseService.Seen seen(CommandReceipt receipt) {
        Optional<Release> release = Optional.ofNullable(receipt.releaseId()).flatMap(releases::findById)
                .map(r -> ReleaseDocuments.read(r.document()));
        return new ReleaseService.Seen(new CommandResult.Repeated(release.orElse(null), receipt.message()),
                running(receipt));
    }

    static boolean running(CommandReceipt receipt) {
        return RUNNING.equals(receipt.outcome());
    }

    private static String releaseIdOf(CommandResult result, CommandRequest request) {
        return switch (result) {
            case CommandResult.Applied a -> a.release().id();
            case CommandResult.Repeated r -> r.release() == null ? null : r.release().id();
            case CommandResult.Refused r -> r.releaseId() != null ? r.releaseId() : request.command().releaseId();
        };
    }

    private static String outcomeOf(CommandResult result) {
        return switch (result) {
            case CommandResult.Applied a -> "applied";
            case CommandResult.Repeated r -> "repeated";
            case CommandResult.Refused r -> "refused";
        };
    }

    private static String messageOf(CommandResult result) {
        return switch (result) {
            case CommandResult.Applied a -> a.message();
            case CommandResult.Repeated r -> r.message();
            case CommandResult.Refused r -> r.message();
        };
    }
}

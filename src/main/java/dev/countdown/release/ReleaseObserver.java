package dev.countdown.release;

/**
 * Told of every applied command inside its transaction, so that what must follow a change (a
 * chat delivery) is recorded atomically with it: committed together or not at all.
 */
public interface ReleaseObserver {

    void applied(CommandRequest request, CommandResult.Applied result);

    /** Told of a refusal of a command on an existing release, in the transaction that recorded it. */
    default void refused(CommandRequest request, CommandResult.Refused refused) {
    }
}

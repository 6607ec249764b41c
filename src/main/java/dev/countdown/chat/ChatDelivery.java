package dev.countdown.chat;

import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Platform;
import java.time.Duration;

/** A platform's way of bringing a release's messages up to date. */
public interface ChatDelivery {

    /** The platform whose threads and outbox rows it serves. */
    Platform platform();

    /**
     * Whether this replica can deliver now. Discord's session comes from the gateway, which one
     * replica holds at a time: the others leave Discord's rows unclaimed, for the holder.
     */
    default boolean ready() {
        return true;
    }

    /** Posts or edits what changed; returns when to come back if it could not do all of it now. */
    Result deliver(ChatThread thread, LoadedRelease release);

    sealed interface Result {
        record Done() implements Result {
        }

        /** Partly done or rate-limited: try again after {@code delay}. */
        record Later(Duration delay, String reason) implements Result {
        }

        /** Failed; {@code retryable} for 5xx and network errors. */
        record Failed(String error, boolean retryable) implements Result {
        }
    }
}

package dev.countdown.chat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ThreadSync} needs of a platform's API, and nothing more. Every call either does
 * what it says or throws a {@link Fault} that tells how to go on.
 */
public interface ChatClient {

    /** The kinds of call a platform limits separately: a 429 on one pauses that kind for every release. */
    enum Operation {
        POST, EDIT, DELETE, UPLOAD, READ
    }

    /** Who a message belongs to, carried with it where the platform allows, to recognize it later. */
    record Tag(String releaseId, String key) {
    }

    /** A message as the platform gets it: its notification text and its rendered body. */
    record Outgoing(String text, String body, boolean broadcast) {
    }

    record Upload(String name, String content) {
    }

    /**
     * One person in a channel, the thread they acted in when they acted in one, and the platform's
     * handle for answering their request privately where it needs one (Discord's interaction token).
     */
    record Recipient(String channel, Optional<String> threadRef, String user, Optional<String> interaction) {

        public Recipient(String channel, Optional<String> threadRef, String user) {
            this(channel, threadRef, user, Optional.empty());
        }
    }

    /** Posts in the channel, or in the thread under {@code rootRef}; returns the platform's id for the message. */
    String post(String channel, Optional<String> rootRef, Outgoing message, Tag tag) throws Fault;

    void edit(String channel, String ref, Outgoing message, Tag tag) throws Fault;

    /** Removes a message; one already gone counts as removed. */
    void delete(String channel, String ref) throws Fault;

    /** Attaches files under the thread's root with a comment; returns the platform's ids for them. */
    String upload(String channel, String rootRef, String comment, List<Upload> files, Tag tag) throws Fault;

    /**
     * Shows {@code text} to one person only, where they acted: in the thread when they clicked
     * there. Nothing is recorded; a reply lost is lost (the audit trail holds what it said).
     */
    void replyPrivately(Recipient to, String text) throws Fault;

    /**
     * A message (or upload) carrying {@code tag} already in the channel or under {@code rootRef}:
     * one posted before a crash kept its record from being written.
     */
    Optional<String> find(String channel, Optional<String> rootRef, Tag tag) throws Fault;

    /** A call that did not do what it says. */
    final class Fault extends Exception {

        public enum Kind {
            /** Try this kind of call again after {@code retryAfter}, from any release. */
            RATE_LIMITED,
            /** The platform is down or unreachable: try again, backing off. */
            UNAVAILABLE,
            /** The platform refused (a wrong channel, a missing scope): trying soon will not help. */
            REJECTED
        }

        private final Kind kind;
        private final Operation operation;
        private final Duration retryAfter;

        public Fault(Kind kind, Operation operation, Duration retryAfter, String message) {
            super(message);
            this.kind = kind;
            this.operation = operation;
            this.retryAfter = retryAfter;
        }

        public Kind kind() {
            return kind;
        }

        public Operation operation() {
            return operation;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}

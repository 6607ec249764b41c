package dev.countdown.slack;

import dev.countdown.chat.ActionRef;
import dev.countdown.release.Limits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Slack's ids, in one place. An action id is a {@link ActionRef} as the chat layer encodes it
 * ({@code cd|r7k2m9q4x1|approve|qa-lead}, at most {@value ActionRef#MAX_LENGTH} characters, under
 * Slack's 255); what a click does is decided by {@link dev.countdown.chat.ClickRouter}.
 */
final class SlackIds {

    static final Pattern ACTION = Pattern.compile("^cd\\|.*");
    static final String NOTE_CALLBACK = "cd-note";
    private static final String SEP = "|";

    private SlackIds() {
    }

    static String item(String releaseId, String itemId) {
        return ActionRef.item(releaseId, itemId).encode();
    }

    /** The target of the "Run all" button. */
    static final String ALL_PROBES = ActionRef.ALL_PROBES;

    static String probe(String releaseId, String probeName) {
        return ActionRef.probe(releaseId, probeName).encode();
    }

    static String vote(String releaseId, boolean approve, String roleId) {
        return ActionRef.vote(releaseId, approve, roleId).encode();
    }

    /** Decides {@code phase}, with an override when asked: a click meant for a gate decides no other. */
    static String decide(String releaseId, String phase, boolean override) {
        return ActionRef.decide(releaseId, phase, override).encode();
    }

    static String cancel(String releaseId) {
        return ActionRef.cancel(releaseId).encode();
    }

    static String action(String rollbackId, boolean retry) {
        return ActionRef.action(rollbackId, retry).encode();
    }

    static String rollback(String releaseId) {
        return ActionRef.rollback(releaseId).encode();
    }

    /**
     * The idempotency key of a Slack request, from what Slack sends again when it retries it
     * (a command's trigger_id; a click's trigger_id and action_id; a form's view id and hash).
     * A key longer than the core keeps is replaced by its SHA-256, which is as stable.
     */
    static String key(String... parts) {
        String key = "slack:" + String.join(":", parts);
        if (key.length() <= Limits.IDEMPOTENCY_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "slack:sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The reference an action id carries; empty for ids Countdown did not send, or sent in another version. */
    static Optional<ActionRef> parse(String actionId) {
        return ActionRef.decode(actionId);
    }

    /** The note modal carries what it is for in its private metadata: release, item, state to set. */
    static String noteMetadata(String releaseId, String itemId, String state) {
        return releaseId + SEP + itemId + SEP + state;
    }

    static Optional<String[]> parseNoteMetadata(String metadata) {
        String[] parts = metadata == null ? new String[0] : metadata.split(Pattern.quote(SEP), 3);
        return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty() ? Optional.of(parts) : Optional.empty();
    }
}

package dev.countdown.slack;

import dev.countdown.release.Limits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Action ids and callback ids, in one place. An action id encodes the release, the verb and the
 * target ({@code cd|r7k2m9q4x1|approve|qa-lead}), so a click is routed and authorized without
 * any session state on the server.
 */
final class SlackIds {

    static final Pattern ACTION = Pattern.compile("^cd\\|.*");
    static final String NOTE_CALLBACK = "cd-note";
    private static final String SEP = "|";

    /** A decoded action id. */
    record Action(String releaseId, String verb, String target) {
    }

    private SlackIds() {
    }

    static String item(String releaseId, String itemId) {
        return "cd" + SEP + releaseId + SEP + "item" + SEP + itemId;
    }

    /** The target of the "Run all" button: no probe name can be "*". */
    static final String ALL_PROBES = "*";

    static String probe(String releaseId, String probeName) {
        return "cd" + SEP + releaseId + SEP + "probe" + SEP + probeName;
    }

    static String vote(String releaseId, boolean approve, String roleId) {
        return "cd" + SEP + releaseId + SEP + (approve ? "approve" : "reject") + SEP + roleId;
    }

    /** Decides {@code phase} (see {@link #phaseToken}), with an override when asked: a click meant for a gate decides no other. */
    static String decide(String releaseId, String phase, boolean override) {
        return "cd" + SEP + releaseId + SEP + (override ? "override" : "decide") + SEP + phaseToken(phase);
    }

    static String cancel(String releaseId) {
        return "cd" + SEP + releaseId + SEP + "cancel" + SEP + "release";
    }

    /** A phase's label as a short token for an action id, which Slack keeps under 255 characters. */
    static String phaseToken(String phaseLabel) {
        return Integer.toHexString(phaseLabel.hashCode());
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

    static Optional<Action> parse(String actionId) {
        String[] parts = actionId == null ? new String[0] : actionId.split(Pattern.quote(SEP), 4);
        if (parts.length != 4 || !parts[0].equals("cd") || parts[1].isEmpty() || parts[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Action(parts[1], parts[2], parts[3]));
    }

    /** The note modal carries what it is for in its private metadata: release, item, state to set. */
    static String noteMetadata(String releaseId, String itemId, String state) {
        return releaseId + SEP + itemId + SEP + state;
    }

    static Optional<String[]> parseNoteMetadata(String metadata) {
        String[] parts = metadata == null ? new String[0] : metadata.split(Pattern.quote(SEP), 3);
        return parts.length == 3 ? Optional.of(parts) : Optional.empty();
    }
}

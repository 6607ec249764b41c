package dev.countdown.chat;

import dev.countdown.release.Limits;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a button on a release's message refers to: the release, a verb, and its target (an item,
 * a probe, a role, or for a decision the phase it was shown for). Every platform carries it in its
 * own button id as {@link #encode}d ({@code cd|r7k2m9q4x1|approve|qa-lead}), so a click is routed
 * and authorized without session state on the server.
 *
 * <p>The encoding stays readable rather than short: with a release id of {@link Limits#RELEASE_ID}
 * and a target of {@link Limits#ID} it is at most {@value #MAX_LENGTH} characters, under Slack's 255.
 * It stays under Discord's 100 only while the target is at most {@value #SHORT_TARGET} characters;
 * {@link #encodeWithin} carries a longer target as a short digest instead, which
 * {@link ClickRouter} resolves against the release's own items, probes and roles.
 */
public record ActionRef(String releaseId, Verb verb, String target) {

    /** The longest encoding of ids within {@link Limits}. */
    public static final int MAX_LENGTH = 3 + Limits.RELEASE_ID + 1 + 8 + 1 + Limits.ID;
    /** The longest target whose encoding fits 100 characters, whatever the release id and verb. */
    public static final int SHORT_TARGET = 100 - (3 + Limits.RELEASE_ID + 1 + 8 + 1);
    /** The target of "Run all": no probe name can be "*". */
    public static final String ALL_PROBES = "*";
    /** The target of the cancel button, which has nothing else to name. */
    public static final String RELEASE = "release";
    private static final String PREFIX = "cd|";
    /** Starts a digest of a target: no item id, probe name or role id can contain it. */
    static final String DIGEST = "~";

    /** What a click may ask; a closed set, so a button from elsewhere decodes to nothing. */
    public enum Verb {
        ITEM("item"), PROBE("probe"), APPROVE("approve"), REJECT("reject"), DECIDE("decide"), OVERRIDE("override"),
        CANCEL("cancel"), CONFIRM("confirm"), RETRY("retry"), ROLLBACK("rollback");

        private final String token;

        Verb(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static Optional<Verb> of(String token) {
            return Arrays.stream(values()).filter(v -> v.token.equals(token)).findFirst();
        }
    }

    public ActionRef {
        if (releaseId == null || releaseId.isEmpty() || releaseId.contains("|") || verb == null || target == null
                || target.isEmpty()) {
            throw new IllegalArgumentException("an action needs a release id without '|', a verb and a target");
        }
    }

    public static ActionRef item(String releaseId, String itemId) {
        return new ActionRef(releaseId, Verb.ITEM, itemId);
    }

    public static ActionRef probe(String releaseId, String probeName) {
        return new ActionRef(releaseId, Verb.PROBE, probeName);
    }

    public static ActionRef vote(String releaseId, boolean approve, String roleId) {
        return new ActionRef(releaseId, approve ? Verb.APPROVE : Verb.REJECT, roleId);
    }

    /** Decides {@code phaseLabel}'s gate, and no later one: a button may be older than the release's phase. */
    public static ActionRef decide(String releaseId, String phaseLabel, boolean override) {
        return new ActionRef(releaseId, override ? Verb.OVERRIDE : Verb.DECIDE, phaseToken(phaseLabel));
    }

    public static ActionRef cancel(String releaseId) {
        return new ActionRef(releaseId, Verb.CANCEL, RELEASE);
    }

    /** A rollback's action: confirm it happened, or run it again. */
    public static ActionRef action(String rollbackId, boolean retry) {
        return new ActionRef(rollbackId, retry ? Verb.RETRY : Verb.CONFIRM, RELEASE);
    }

    /** Starts a rollback of the release (the button on an abort-criteria alert). */
    public static ActionRef rollback(String releaseId) {
        return new ActionRef(releaseId, Verb.ROLLBACK, RELEASE);
    }

    /** A phase's label as a short token: labels are free text, and a button id is short. */
    public static String phaseToken(String phaseLabel) {
        return Integer.toHexString(phaseLabel.hashCode());
    }

    public String encode() {
        return PREFIX + releaseId + "|" + verb.token() + "|" + target;
    }

    /**
     * The encoding in at most {@code max} characters (Discord's custom ids hold 100): a target
     * that would not fit is carried as the first 80 bits of its SHA-256, enough to tell a
     * release's targets apart.
     */
    public String encodeWithin(int max) {
        String full = encode();
        if (full.length() <= max) {
            return full;
        }
        String shortened = new ActionRef(releaseId, verb, digest(target)).encode();
        if (shortened.length() > max) {
            throw new IllegalArgumentException("no encoding of this action fits " + max + " characters");
        }
        return shortened;
    }

    /** Whether the target is a digest that {@link #resolves} still has to match. */
    public boolean digested() {
        return target.startsWith(DIGEST);
    }

    /** Whether a digested target stands for {@code candidate}. */
    public boolean resolves(String candidate) {
        return digest(candidate).equals(target);
    }

    static String digest(String target) {
        return DIGEST + dev.countdown.evidence.Sha256.hex(target).substring(0, 20);
    }

    /** The reference a button id encodes; empty when it is not one, or names a verb Countdown does not know. */
    public static Optional<ActionRef> decode(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX) || encoded.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\|", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()
                || parts[0].length() > Limits.RELEASE_ID || parts[2].length() > Limits.ID) {
            return Optional.empty();
        }
        return Verb.of(parts[1]).map(verb -> new ActionRef(parts[0], verb, parts[2]));
    }
}

package dev.countdown.release;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How long what people send may be, checked in the core so that every surface (REST, Slack, the
 * playground, Discord) refuses the same input the same way and nothing reaches the database that
 * does not fit its column: ids and names fit {@code audit_event} (actor id 100, name 200), a note
 * fits Slack's modal text input (3,000), and an idempotency key fits {@code command_receipt} (200).
 * Lengths count Java chars (UTF-16 units), never more than the databases count.
 *
 * <p>A message about a value too long shows at most its first {@value #SHOWN} characters: the
 * value itself may be a megabyte, and an answer or log line must not carry it back whole.
 */
public final class Limits {

    public static final int USER_ID = 100;
    public static final int DISPLAY_NAME = 200;
    /** A chat channel's id, as chat_thread keeps it. */
    public static final int CHANNEL_ID = 100;
    /** The user groups or roles an actor may carry; each is a user id's length at most. */
    public static final int GROUPS = 100;
    public static final int SERVICE = 100;
    /** Same as the version rule of {@link Ceremony}, which says what a version may hold. */
    public static final int VERSION = 64;
    public static final int RELEASE_ID = 40;
    /** Item, role and probe ids. */
    public static final int ID = 200;
    /** Notes, failure reasons, cancel and reopen reasons: Slack's modal text input holds 3,000. */
    public static final int TEXT = 3000;
    public static final int IDEMPOTENCY_KEY = 200;
    /** Probe names one run may select. */
    public static final int NAMES = 100;

    private static final int SHOWN = 40;

    private Limits() {
    }

    /** What is wrong with a command's input, if anything: the first field too long. */
    public static Optional<String> problem(Command command) {
        return switch (command) {
            case Command.Start c -> first(tooLong("service", c.service(), SERVICE), tooLong("version", c.version(), VERSION));
            case Command.SetItem c -> first(releaseId(c), tooLong("item id", c.itemId(), ID), tooLong("note", c.note(), TEXT));
            case Command.AddNote c -> first(releaseId(c), tooLong("item id", c.itemId(), ID), tooLong("note", c.note(), TEXT));
            case Command.CastVote c -> first(releaseId(c), tooLong("role id", c.roleId(), ID), tooLong("note", c.note(), TEXT));
            case Command.Decide c -> first(releaseId(c), tooLong("note", c.note(), TEXT));
            case Command.Cancel c -> first(releaseId(c), tooLong("reason", c.reason(), TEXT));
            case Command.Reopen c -> first(releaseId(c), tooLong("reason", c.note(), TEXT));
            case Command.RecordProbes c -> releaseId(c);
            case Command.StartRollback c -> first(releaseId(c), tooLong("note", c.note(), TEXT));
            case Command.ActionStep c -> first(releaseId(c), tooLong("note", c.summary(), TEXT));
            case Command.Remind c -> releaseId(c);
            case Command.WindowOpening c -> releaseId(c);
        };
    }

    /** What is wrong with a selection of probe names, if anything. */
    public static Optional<String> problem(Collection<String> probeNames) {
        if (probeNames.size() > NAMES) {
            return Optional.of("at most " + NAMES + " probes may be named at once; got " + count(probeNames.size()));
        }
        if (probeNames.stream().anyMatch(Objects::isNull)) {
            return Optional.of("a probe name may not be null");
        }
        return probeNames.stream().map(n -> tooLong("probe name", n, ID)).flatMap(Optional::stream).findFirst();
    }

    /** The value as a message may show it: its first {@value #SHOWN} characters, control characters as spaces. */
    public static String shown(String value) {
        if (value == null) {
            return "";
        }
        String head = value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
        return head.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** A problem as a sentence of its own, for an answer: capitalized, with its full stop. */
    public static String sentence(String problem) {
        return problem.isEmpty() ? problem : Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
    }

    /** A name someone else chose (a platform's display name), cut to fit rather than refused. */
    public static String fit(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit - 1) + "…";
    }

    /** Why {@code value} does not fit, naming the field and its limit; empty when it fits or is absent. */
    public static Optional<String> tooLong(String field, String value, int limit) {
        if (value == null || value.length() <= limit) {
            return Optional.empty();
        }
        return Optional.of(field + " may be at most " + count(limit) + " characters; got " + count(value.length())
                + ": '" + shown(value) + "'");
    }

    /** {@link #tooLong} as an exception, for the records that refuse to exist with such a value. */
    static void require(String field, String value, int limit) {
        tooLong(field, value, limit).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private static Optional<String> releaseId(Command command) {
        return tooLong("release id", command.releaseId(), RELEASE_ID);
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... problems) {
        return Arrays.stream(problems).flatMap(Optional::stream).findFirst();
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** What is wrong with an actor's groups, if anything. */
    static Optional<String> problemWithGroups(Collection<String> groups) {
        if (groups.size() > GROUPS) {
            return Optional.of("an actor may carry at most " + GROUPS + " groups; got " + count(groups.size()));
        }
        return groups.stream().map(g -> g == null ? Optional.of("a group may not be null")
                : tooLong("group", g, USER_ID)).flatMap(Optional::stream).findFirst();
    }
}

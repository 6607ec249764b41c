package dev.countdown.manifest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a manifest's {@code reminders}:
 * <pre>
 * reminders:
 *   after: 30m
 *   escalate-after: 60m
 *   escalate-to: engineering-manager
 *   quiet-hours: 22:00-07:00
 *   time-zone: Europe/Berlin
 * </pre>
 * Whether {@code escalate-to} names a role is checked with the other references, in {@link ManifestReferences}.
 */
final class ReminderPlanReader {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    private ReminderPlanReader() {
    }

    static Optional<ReminderPlan> read(YamlNode node, Optional<ChangeWindows> windows) {
        if (!node.expectMapping("reminders: after, escalate-after, escalate-to, quiet-hours, time-zone",
                Set.of("after", "escalate-after", "escalate-to", "quiet-hours", "time-zone"))) {
            return Optional.empty();
        }
        node.require("after", "how long approvals may be pending before their owners are nudged, e.g. 30m");
        Duration after = node.duration("after", Duration.ofMinutes(30));
        Optional<Duration> escalateAfter = node.get("escalate-after").map(n -> node.duration("escalate-after", after));
        Optional<String> escalateTo = node.optionalString("escalate-to", "a role id");
        if (escalateAfter.isPresent() && escalateTo.isEmpty()) {
            node.get("escalate-after").orElseThrow().error("needs escalate-to: the role to call on");
        }
        if (escalateTo.isPresent() && escalateAfter.isEmpty()) {
            node.get("escalate-to").orElseThrow().error("needs escalate-after: when to call on " + escalateTo.get());
        }
        if (escalateAfter.isPresent() && escalateAfter.get().compareTo(after) <= 0) {
            node.get("escalate-after").orElseThrow().error("must be later than after ("
                    + written(node, "after") + "): the owners are nudged before anyone is escalated to");
        }
        return Optional.of(new ReminderPlan(after, escalateAfter, escalateTo, node.get("quiet-hours")
                .flatMap(ReminderPlanReader::quiet), zone(node, windows)));
    }

    private static Optional<ReminderPlan.QuietHours> quiet(YamlNode node) {
        String text = node.text("hours, e.g. 22:00-07:00").strip();
        Matcher m = HOURS.matcher(text);
        try {
            if (m.matches()) {
                LocalTime start = LocalTime.parse(pad(m.group(1)));
                LocalTime end = LocalTime.parse(pad(m.group(2)));
                if (!start.equals(end)) {
                    return Optional.of(new ReminderPlan.QuietHours(start, end, text));
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        node.error("expected quiet hours as HH:MM-HH:MM with two different times, e.g. 22:00-07:00, got \"" + text + "\"");
        return Optional.empty();
    }

    private static ZoneId zone(YamlNode node, Optional<ChangeWindows> windows) {
        ZoneId fallback = windows.map(ChangeWindows::zone).orElse(ZoneId.of("UTC"));
        Optional<String> text = node.optionalString("time-zone", "a time zone, e.g. UTC or Europe/Berlin");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return ZoneId.of(text.get());
        } catch (DateTimeException e) {
            node.get("time-zone").orElseThrow().error("expected a time zone such as UTC or Europe/Berlin, got \""
                    + text.get() + "\"");
            return fallback;
        }
    }

    private static String written(YamlNode node, String name) {
        return node.get(name).flatMap(YamlNode::scalar).orElse("");
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}

package dev.countdown.manifest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a manifest's {@code windows}:
 * <pre>
 * windows:
 *   time-zone: UTC
 *   deploy: ["Mon-Fri 02:00-06:00"]
 *   freezes: [{ from: 2026-12-20, to: 2027-01-04, reason: holiday freeze }]
 *   override: { roles: [cto] }
 * </pre>
 */
final class ChangeWindowsReader {

    private static final Pattern WINDOW = Pattern.compile("(?i)([a-z]{3})(?:-([a-z]{3}))?((?:,[a-z]{3})*)\\s+"
            + "(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private ChangeWindowsReader() {
    }

    static Optional<ChangeWindows> read(YamlNode node, java.util.function.Function<YamlNode, Principals> principals) {
        if (!node.expectMapping("change windows: time-zone, deploy, freezes, override",
                Set.of("time-zone", "deploy", "freezes", "override"))) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = node.string("time-zone", "a time zone, e.g. UTC or Europe/Berlin", "UTC");
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            node.get("time-zone").orElseThrow().error("expected a time zone such as UTC or Europe/Berlin, got \""
                    + zoneText + "\"");
        }
        List<ChangeWindows.Window> windows = new ArrayList<>();
        for (YamlNode item : node.optional("deploy").items()) {
            window(item).ifPresent(windows::add);
        }
        List<ChangeWindows.Freeze> freezes = new ArrayList<>();
        for (YamlNode item : node.optional("freezes").items()) {
            item.expectMapping("a freeze: from, to, reason", Set.of("from", "to", "reason"));
            Optional<LocalDateTime> from = moment(item.require("from", "a date or date-time"));
            Optional<LocalDateTime> to = moment(item.require("to", "a date or date-time (exclusive)"));
            if (from.isPresent() && to.isPresent()) {
                freezes.add(new ChangeWindows.Freeze(from.get(), to.get(), item.string("reason", "a reason", "")));
            }
        }
        return Optional.of(new ChangeWindows(zone, windows, freezes, principals.apply(node.optional("override"))));
    }

    private static Optional<ChangeWindows.Window> window(YamlNode item) {
        String text = item.text("days and hours, e.g. Mon-Fri 02:00-06:00");
        Matcher m = WINDOW.matcher(text.strip());
        if (!m.matches() || !DAYS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            item.error("expected days and hours, e.g. Mon-Fri 02:00-06:00 or Sat,Sun 03:00-05:00, got \"" + text + "\"");
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        int first = DAYS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
        int last = m.group(2) == null ? first : DAYS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        for (int d = first; last >= 0; d = (d + 1) % 7) {
            days.add(DayOfWeek.of(d + 1));
            if (d == last) {
                break;
            }
        }
        for (String extra : m.group(3).split(",")) {
            int d = DAYS.indexOf(extra.toLowerCase(Locale.ROOT));
            if (d >= 0) {
                days.add(DayOfWeek.of(d + 1));
            }
        }
        try {
            return Optional.of(new ChangeWindows.Window(days, LocalTime.parse(pad(m.group(4))), LocalTime.parse(pad(m.group(5))),
                    text.strip()));
        } catch (DateTimeParseException e) {
            item.error("expected hours as HH:MM, got \"" + text + "\"");
            return Optional.empty();
        }
    }

    private static Optional<LocalDateTime> moment(YamlNode node) {
        String text = node.text("a date (2026-12-20) or date-time (2026-12-20T18:00)");
        try {
            return Optional.of(text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay());
        } catch (DateTimeParseException e) {
            node.error("expected a date (2026-12-20) or date-time (2026-12-20T18:00), got \"" + text + "\"");
            return Optional.empty();
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}

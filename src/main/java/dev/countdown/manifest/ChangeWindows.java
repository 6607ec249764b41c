package dev.countdown.manifest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When a GO may be given: deployment windows (days and hours in a time zone) and freezes. A GO
 * outside them is refused with the reason and the next window, unless {@code override} asks for
 * it; the override is recorded.
 *
 * @param deploy   empty: every hour is a window, only freezes close
 * @param override who may give a GO outside them
 */
public record ChangeWindows(ZoneId zone, List<Window> deploy, List<Freeze> freezes, Principals override) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    public ChangeWindows {
        deploy = List.copyOf(deploy);
        freezes = List.copyOf(freezes);
    }

    /** Days of the week and hours, {@code end} exclusive; an end before the start runs past midnight. */
    public record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, String written) {
        public Window {
            days = Set.copyOf(days);
        }

        boolean contains(LocalDateTime t) {
            if (!end.isBefore(start)) {
                return days.contains(t.getDayOfWeek()) && !t.toLocalTime().isBefore(start) && t.toLocalTime().isBefore(end);
            }
            return days.contains(t.getDayOfWeek()) && !t.toLocalTime().isBefore(start)
                    || days.contains(t.getDayOfWeek().minus(1)) && t.toLocalTime().isBefore(end);
        }
    }

    /** {@code from} inclusive to {@code to} exclusive, in the windows' time zone. */
    public record Freeze(LocalDateTime from, LocalDateTime to, String reason) {
        boolean contains(LocalDateTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** Why a GO may not be given at {@code now}; empty when it may. */
    public Optional<String> closed(Instant now) {
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        Optional<Freeze> freeze = freezes.stream().filter(f -> f.contains(t)).findFirst();
        if (freeze.isPresent()) {
            return Optional.of("Deploys are frozen" + (freeze.get().reason().isEmpty() ? "" : " (" + freeze.get().reason()
                    + ")") + " until " + SHOWN.format(freeze.get().to()) + " " + zoneName() + ".");
        }
        if (!deploy.isEmpty() && deploy.stream().noneMatch(w -> w.contains(t))) {
            return Optional.of("It is " + SHOWN.format(t) + " " + zoneName() + ", outside the deployment windows ("
                    + String.join(", ", deploy.stream().map(Window::written).toList()) + " " + zoneName() + ").");
        }
        return Optional.empty();
    }

    /** The next moment a GO may be given after {@code now}, within four weeks. */
    public Optional<ZonedDateTime> next(Instant now) {
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        List<LocalDateTime> candidates = new ArrayList<>();
        freezes.forEach(f -> candidates.add(f.to()));
        for (int day = 0; day <= 28; day++) {
            LocalDateTime date = t.toLocalDate().plusDays(day).atStartOfDay();
            deploy.forEach(w -> candidates.add(date.with(w.start())));
        }
        return candidates.stream().filter(c -> c.isAfter(t)).sorted(Comparator.naturalOrder())
                .map(c -> c.atZone(zone)).filter(c -> closed(c.toInstant()).isEmpty()).findFirst();
    }

    /**
     * What a release's thread says while no GO may be given: the freeze or the windows, and the
     * next window. Unlike {@link #explain} it does not name the time now, so the message showing
     * it stays the same until the window opens.
     */
    public Optional<String> notice(Instant now) {
        if (closed(now).isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        String why = freezes.stream().filter(f -> f.contains(t)).findFirst()
                .map(f -> "Deploys are frozen" + (f.reason().isEmpty() ? "" : " (" + f.reason() + ")") + ".")
                .orElse("Outside the deployment windows (" + String.join(", ", deploy.stream().map(Window::written)
                        .toList()) + " " + zoneName() + ").");
        return Optional.of(why + next(now).map(n -> " Next window: " + SHOWN.format(n) + " " + zoneName() + ".")
                .orElse(" No window opens in the next four weeks."));
    }

    /** "It is … outside …. Next window: Mon 2031-01-06 02:00 UTC." */
    public String explain(Instant now) {
        return closed(now).orElse("") + next(now).map(n -> " Next window: " + SHOWN.format(n) + " " + zoneName() + ".")
                .orElse(" No window opens in the next four weeks.");
    }

    /** The zone as the manifest named it: "UTC", "Europe/Berlin"; short names like CET are ambiguous. */
    private String zoneName() {
        return zone.getId();
    }
}

package dev.countdown.release;

import java.util.Locale;

/** Where a checklist item stands. */
public enum ItemState {
    PENDING, PASS, FAIL, NA, BLOCKED;

    public String label() {
        return this == NA ? "n/a" : name().toLowerCase(Locale.ROOT);
    }

    /** What was done, for "passed by rita": passed, failed, marked n/a, blocked, reset to pending. */
    public String done() {
        return switch (this) {
            case PASS -> "passed";
            case FAIL -> "failed";
            case NA -> "marked n/a";
            case BLOCKED -> "blocked";
            case PENDING -> "reset to pending";
        };
    }

    /** Counts toward a GO: passed, or agreed not to apply. */
    public boolean isSettled() {
        return this == PASS || this == NA;
    }

    public static ItemState parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (ItemState s : values()) {
            if (s.label().equals(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown item state '" + Limits.shown(text) + "'; expected pending, pass, fail, n/a or blocked");
    }
}

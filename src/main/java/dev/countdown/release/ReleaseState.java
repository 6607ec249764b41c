package dev.countdown.release;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life of a release. An open release moves gate by gate; the final decision makes it GO or
 * NO-GO; a NO-GO can be reopened for another round; a GO can be rolled back.
 */
public enum ReleaseState {
    OPEN, GO, NO_GO, CANCELLED, ROLLING_BACK, ROLLED_BACK;

    private static final Set<ReleaseState> TERMINAL = EnumSet.of(CANCELLED, ROLLED_BACK);

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** Whether items, notes and approvals may still change. */
    public boolean acceptsWork() {
        return this == OPEN;
    }

    public boolean canMoveTo(ReleaseState next) {
        return switch (this) {
            case OPEN -> next == GO || next == NO_GO || next == CANCELLED;
            case NO_GO -> next == OPEN || next == CANCELLED || next == ROLLING_BACK;
            case GO -> next == ROLLING_BACK;
            case ROLLING_BACK -> next == ROLLED_BACK || next == GO;
            case CANCELLED, ROLLED_BACK -> false;
        };
    }
}

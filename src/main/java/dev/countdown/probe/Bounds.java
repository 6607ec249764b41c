package dev.countdown.probe;

import dev.countdown.manifest.Comparison;
import java.math.BigDecimal;
import java.util.Optional;

/** Checks a number against a manifest bound and says how it went in one phrase. */
final class Bounds {

    private Bounds() {
    }

    /** "0.042 meets < 0.2" or "0.31 > bound 0.2 (need < 0.2)". */
    static String describe(BigDecimal value, Comparison bound) {
        String shown = value.stripTrailingZeros().toPlainString();
        if (bound.test(value)) {
            return shown + " meets " + bound;
        }
        int c = value.compareTo(bound.bound());
        String relation = c < 0 ? "<" : c > 0 ? ">" : "==";
        return shown + " " + relation + " bound " + bound.bound().toPlainString() + " (need " + bound + ")";
    }

    /** A number as a query or a JSON document gives it; empty for NaN, infinities and text. */
    static Optional<BigDecimal> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

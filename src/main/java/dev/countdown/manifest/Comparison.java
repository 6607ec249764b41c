package dev.countdown.manifest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bound written as {@code "< 200"}, {@code ">= 15552000"} or {@code "== 0"}. */
public record Comparison(Operator operator, BigDecimal bound) {

    private static final Pattern FORM = Pattern.compile("^\\s*(<=|>=|==|!=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)\\s*$");

    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Operator of(String symbol) {
            for (Operator op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    public static Optional<Comparison> parse(String text) {
        Matcher m = FORM.matcher(text);
        return m.matches() ? Optional.of(new Comparison(Operator.of(m.group(1)), new BigDecimal(m.group(2))))
                : Optional.empty();
    }

    public boolean test(BigDecimal value) {
        int c = value.compareTo(bound);
        return switch (operator) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
    }

    @Override
    public String toString() {
        return operator.symbol() + " " + bound.toPlainString();
    }
}

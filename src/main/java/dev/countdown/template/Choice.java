package dev.countdown.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line that offers options instead of stating a task: {@code Approved: [ ] Yes [ ] No},
 * {@code Phase 1 Go/No-Go: ✅ Proceed / ❌ Rollback}, {@code Status: ⬜ GO ⬜ NO-GO}. When the options
 * or the label speak of going ahead or not, the choice is a gate.
 */
record Choice(String label, List<String> options, int line) {

    private static final Pattern MARKER = Pattern.compile(
            "\\[[ xX✓✔]\\]|⬜|☐|☑|☒|✅|❌|❎|✔️?|✖️?|🟢|🔴");
    private static final Pattern BOX = Pattern.compile("\\[[ xX✓✔]\\]|[⬜☐☑☒]");
    private static final Pattern GO_OPTION = Pattern.compile(
            "(?i)^(go|no[- ]?go|proceed|roll ?back\\b.*|abort|hold|halt|continue|stop)$", Pattern.DOTALL);
    private static final Pattern GO_LABEL = Pattern.compile("(?i)go\\s*/\\s*no[- ]?go|decision|\\bgate\\b");
    private static final Set<String> DECISION_WORDS = Set.of(
            "go", "no-go", "no go", "nogo", "proceed", "rollback", "roll back", "abort", "hold",
            "yes", "no", "approve", "approved", "reject", "rejected", "pass", "fail");

    Choice {
        options = List.copyOf(options);
    }

    /** Reads a line (list marker already removed) as a choice when it has two option markers or more. */
    static Optional<Choice> read(String text, int line) {
        Matcher m = MARKER.matcher(withoutCode(text));
        List<int[]> markers = new ArrayList<>();
        while (m.find()) {
            markers.add(new int[] {m.start(), m.end()});
        }
        if (markers.size() < 2) {
            return Optional.empty();
        }
        String label = InlineText.plain(text.substring(0, markers.getFirst()[0]));
        label = trimmed(label);
        List<String> options = new ArrayList<>();
        for (int k = 0; k < markers.size(); k++) {
            int end = k + 1 < markers.size() ? markers.get(k + 1)[0] : text.length();
            String option = trimmed(InlineText.plain(text.substring(markers.get(k)[1], end)));
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options.size() < 2 ? Optional.empty() : Optional.of(new Choice(label, options, line));
    }

    /**
     * An option or label without the separators around it ({@code " / "}, {@code ": "}) and
     * without a trailing {@code " or"}. A scan: the regex it replaces, with a '$'-anchored run
     * under find(), retried from every character of a long run of '-' and took minutes.
     */
    static String trimmed(String text) {
        int start = 0;
        while (start < text.length() && isSeparator(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        int or = end - 2;
        if (or > start && text.regionMatches(true, or, "or", 0, 2) && MarkdownLines.isSpace(text.charAt(or - 1))) {
            end = or;
            while (end > start && MarkdownLines.isSpace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(start, end);
        }
        while (end > start && isSeparator(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSeparator(char c) {
        return MarkdownLines.isSpace(c) || "/|,:;-".indexOf(c) >= 0;
    }

    /** Blanks out code spans, keeping offsets: a {@code `[x]`} written as code is not an option. */
    private static String withoutCode(String text) {
        StringBuilder masked = new StringBuilder(text);
        boolean inCode = false;
        for (int k = 0; k < masked.length(); k++) {
            if (masked.charAt(k) == '`') {
                inCode = !inCode;
            } else if (inCode) {
                masked.setCharAt(k, ' ');
            }
        }
        return masked.toString();
    }

    /**
     * Whether a checklist item's text that holds options is a choice rather than a task that
     * happens to contain two marks ("Smoke tests ✅ on staging and ✅ on production").
     */
    boolean replacesItem() {
        return isGate() || options.stream().allMatch(Choice::isDecisionWord);
    }

    /** True when the text holds a checkbox: after a line's own box, a second one makes the line a choice. */
    static boolean hasBox(String text) {
        return BOX.matcher(text).find();
    }

    /** True for item texts such as "GO" or "NO-GO" that, side by side, form a choice. */
    static boolean isDecisionWord(String text) {
        return DECISION_WORDS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    boolean isGate() {
        return GO_LABEL.matcher(label).find() || options.stream().anyMatch(o -> GO_OPTION.matcher(o).matches());
    }

    String describe() {
        return (label.isEmpty() ? "" : "'" + label + "' ") + "(" + String.join(" / ", options) + ")";
    }
}

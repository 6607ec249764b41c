package dev.countdown.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scans that replaced the parser's regular expressions read every short line as those
 * expressions did: the old expressions, safe on short lines, are the oracle here.
 */
class LineFormsOracleTest {

    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern OPTION_TRIM = Pattern.compile("^[\\s/|,:;-]+|[\\s/|,:;-]+$|(?i)\\s+or$");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?![\\s*_])(.+?)(?<![\\s*_])\\1(?![\\w*])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int TRIES = 30_000;

    private final Random random = new Random(20261129);

    private String line(String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            line.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return line.toString();
    }

    private <T> void agree(String alphabet, int maxLength, Function<String, T> regex, Function<String, T> scan) {
        for (int i = 0; i < TRIES; i++) {
            String line = line(alphabet, maxLength);
            assertThat(scan.apply(line)).as("'%s'", line).isEqualTo(regex.apply(line));
        }
    }

    @Test
    void thematicBreaks() {
        agree(" -*_\tx", 9, l -> THEMATIC_BREAK.matcher(l).matches(), MarkdownLines::isThematicBreak);
    }

    @Test
    void headings() {
        // the one difference, kept on purpose: "# #" is an empty heading (CommonMark), not one titled "#"
        agree(" #\tab", 10, l -> {
            Matcher m = ATX.matcher(l);
            if (!m.matches()) {
                return Optional.empty();
            }
            String text = m.group(2) == null ? "" : m.group(2);
            return Optional.of(m.group(1).length() + ":" + withoutHashesOnly(text));
        }, l -> MarkdownLines.heading(l).map(h -> h.level() + ":" + withoutHashesOnly(h.text())));
    }

    private static String withoutHashesOnly(String text) {
        return text.chars().allMatch(c -> c == '#') ? "" : text;
    }

    @Test
    void fences() {
        agree(" `~\tjs", 9, l -> {
            Matcher m = FENCE.matcher(l);
            return m.matches() ? Optional.of(m.group(2) + "|" + m.group(3)) : Optional.empty();
        }, l -> MarkdownLines.fence(l).map(f -> f.marker() + "|" + f.language()));
    }

    @Test
    void tableSeparators() {
        agree(" |-:x", 10, l -> SEPARATOR.matcher(l).matches(), MarkdownLines::isTableSeparator);
    }

    @Test
    void optionTrimming() {
        agree(" /|,:;-orOx\t", 10, l -> OPTION_TRIM.matcher(l).replaceAll(""), Choice::trimmed);
    }

    @Test
    void emphasisStrongAndCommentsOutsideCode() {
        agree("*_ a1<!->", 12, l -> {
            String text = COMMENT.matcher(l).replaceAll("");
            text = STRONG.matcher(text).replaceAll("$2");
            text = EMPHASIS.matcher(text).replaceAll("$2");
            return SPACES.matcher(text).replaceAll(" ").strip();
        }, InlineText::plain);
    }

    @Test
    void codeSpansKeepTheirMarksAndCloseOnARunOfTheSameLength() {
        assertThat(InlineText.plain("Run `__init__.py` and ``a ` b`` then *go*")).isEqualTo(
                "Run `__init__.py` and ``a ` b`` then go");
        assertThat(InlineText.plain("``` unclosed `x` **b**")).isEqualTo("``` unclosed `x` b");
        assertThat(InlineText.plain("noncharacter \uFFFF0\uFFFF stays text")).isEqualTo("noncharacter \uFFFD0\uFFFD stays text");
    }
}

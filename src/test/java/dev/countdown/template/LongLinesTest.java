package dev.countdown.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.countdown.source.SourceException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One line of about 100,000 characters, shaped against each line form the parser matches: before
 * these forms became scans, each overflowed the stack or backtracked for minutes. The timeout only
 * detects a hang; each case takes milliseconds.
 */
class LongLinesTest {

    private static final int N = 100_000;

    static Stream<Arguments> longLines() {
        return Stream.of(
                Arguments.of("thematic break of '-'", "-".repeat(N)),
                Arguments.of("thematic break of '* '", "* ".repeat(N / 2)),
                Arguments.of("thematic break of '_' then text", "_".repeat(N) + "x"),
                Arguments.of("heading of spaces then a line separator", "#" + " ".repeat(N) + "\u2028"),
                Arguments.of("heading of '#' runs", "# a" + " #".repeat(N / 2) + "x"),
                Arguments.of("fence of backticks then a line separator", "`".repeat(N) + "\u2028x\n" + "`".repeat(N)),
                Arguments.of("checkbox then spaces then a line separator", "- [ ]" + " ".repeat(N) + "\u2028"),
                Arguments.of("list marker then spaces", "-" + " ".repeat(N) + "x"),
                Arguments.of("approvers then spaces", "Approved by:" + " ".repeat(N) + "\u2028"),
                Arguments.of("approvers, many names", "Approved by: " + "QA Lead, ".repeat(N / 9) + "and DBA"),
                Arguments.of("code span opener without closer", "- [ ] " + "`".repeat(N / 2) + "x".repeat(N / 2)),
                Arguments.of("backtick runs of growing length", "- [ ] " + growingBacktickRuns()),
                Arguments.of("unclosed comments", "- [ ] " + "<!--".repeat(N / 4)),
                Arguments.of("emphasis openers without closer", "- [ ] " + " *a".repeat(N / 3)),
                Arguments.of("strong openers", "- [ ] " + "**a".repeat(N / 3)),
                Arguments.of("option separators", "Decision " + "-".repeat(N) + "x: [ ] GO [ ] NO-GO"),
                Arguments.of("options ending in spaces", "Decision: [ ] GO [ ] NO-GO" + " ".repeat(N) + "x"),
                Arguments.of("many option marks", "Gate: " + "✅ go ❌ ".repeat(N / 8)),
                Arguments.of("setext underline", "Title\n" + "=".repeat(N) + "x"),
                Arguments.of("table separator of many columns", "| a | b |\n" + "|--".repeat(N / 3) + "|"),
                Arguments.of("table separator of spaces", "| a | b |\n|" + " ".repeat(N) + "x"));
    }

    private static String growingBacktickRuns() {
        StringBuilder runs = new StringBuilder();
        for (int length = 1; runs.length() < N; length++) {
            runs.append("`".repeat(length)).append('x');
        }
        return runs.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longLines")
    void aLongLineIsReadQuickly(String shape, String line) {
        String checklist = "# Release\n\n## Checks\n\n- [ ] Tag cut\n" + line + "\n- [ ] Deployed\n";

        ChecklistTemplate template = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Templates.parse(checklist), shape);

        assertThat(Templates.itemTexts(template)).contains("Tag cut", "Deployed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longLines")
    void aLongLineInAFenceOrTableIsReadQuickly(String shape, String line) {
        String checklist = "# Release\n\n| Item | Done |\n| --- | --- |\n| " + line.replace("\n", " ") + " | [ ] |\n\n"
                + "~~~\n" + line + "\n~~~\n- [ ] Deployed\n";

        ChecklistTemplate template = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Templates.parse(checklist), shape);

        assertThat(Templates.itemTexts(template)).contains("Deployed");
    }

    @org.junit.jupiter.api.Test
    void anUnclosedFenceOfALongMarkerIsNamedShortly() {
        SourceException e = assertThrows(SourceException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Templates.parse("# Release\n- [ ] Tag cut\n" + "`".repeat(N) + "\n- [ ] Deployed\n")));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("code fence ```… (100000 long) opened here is never closed").hasSizeLessThan(200);
        });
    }

    @org.junit.jupiter.api.Test
    void thousandsOfEqualItemsGetNumberedIdsQuickly() {
        String checklist = "# Release\n" + "- [ ] Same\n".repeat(60_000);

        ChecklistTemplate template = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Templates.parse(checklist));

        assertThat(template.items()).hasSize(60_000);
        assertThat(template.items().getLast().id()).isEqualTo("release.same-60000");
    }

    @org.junit.jupiter.api.Test
    void theTwoThousandCharacterRuleOfTheIssueIsARule() throws Exception {
        ChecklistTemplate template = Templates.parse("# Release\n- [ ] Tag cut\n" + "-".repeat(2_000) + "\n- [ ] Deployed\n");

        assertThat(Templates.itemTexts(template)).containsExactly("Tag cut", "Deployed");
        assertThat(template.sections().getFirst().notes()).isEmpty();
    }
}

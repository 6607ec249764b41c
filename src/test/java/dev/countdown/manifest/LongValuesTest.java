package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.countdown.source.SourceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value of about 100,000 characters in each field a pattern checks, shaped against that pattern.
 * The readers answer at once, with the manifest or with its problems; the timeout only detects a hang.
 */
class LongValuesTest {

    private static final int N = 100_000;

    @TempDir
    Path dir;

    /** A quoted YAML scalar: the long values hold characters YAML would otherwise read. */
    private static String q(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u2028", "\\L") + "\"";
    }

    private static String probe(String body) {
        return Fixtures.MINIMAL + "probes:\n  check:\n" + body.indent(4);
    }

    static Stream<Arguments> manifests() {
        return Stream.of(
                Arguments.of("service name", Fixtures.MINIMAL.replace("portal-api", q("a".repeat(N) + "!"))),
                Arguments.of("role id", Fixtures.MINIMAL.replace("qa-lead:", q("a".repeat(N) + "!") + ":")),
                Arguments.of("slack user id", Fixtures.MINIMAL.replace("U012AB3CD", q("U" + "A".repeat(N) + "!"))),
                Arguments.of("channel id", Fixtures.MINIMAL.replace("C0123ABCD", q("C" + "1".repeat(N) + "x"))),
                Arguments.of("review band share", Fixtures.MINIMAL + "policy:\n  review-band:\n    min-passing: "
                        + q("1" + " ".repeat(N) + "x") + "\n    requires: [qa-lead]\n"),
                Arguments.of("fraction", Fixtures.MINIMAL + "policy:\n  review-band:\n    min-passing: "
                        + q("9" + " ".repeat(N) + "of" + " ".repeat(N / 2) + "x") + "\n    requires: [qa-lead]\n"),
                Arguments.of("duration", Fixtures.MINIMAL + "policy:\n  evidence-max-age: "
                        + q("1s".repeat(N / 2) + "x") + "\n"),
                Arguments.of("duration of spaced digits", Fixtures.MINIMAL + "policy:\n  evidence-max-age: "
                        + q("1 ".repeat(N / 2)) + "\n"),
                Arguments.of("unclosed references", probe("type: http\nurl: " + q("${".repeat(N / 2) + "}x")
                        + "\nexpect: {status: 200}\n")),
                Arguments.of("references without close", probe("type: http\nurl: " + q("https://a/" + "${".repeat(N / 2))
                        + "\nexpect: {status: 200}\n")),
                Arguments.of("secret header name", Fixtures.MINIMAL + "rollback:\n  action:\n    url: https://deploy/rollback\n"
                        + "    headers:\n      " + q("token".repeat(N / 5) + "\u2028") + ": x\n"),
                Arguments.of("comparison", probe("type: http\nurl: https://a/\nexpect: {status: 200, json: {path: $.x, "
                        + "value: " + q("<" + "1".repeat(N) + "." + "1".repeat(N / 2) + "x") + "}}\n")),
                Arguments.of("sql of doubled quotes", probe("type: sql\nurl: jdbc:h2:mem:x\nquery: "
                        + q("SELECT '" + "''".repeat(N / 2) + "'") + "\nexpect: {rows: 1}\n")),
                Arguments.of("sql of unclosed comments", probe("type: sql\nurl: jdbc:h2:mem:x\nquery: "
                        + q("SELECT " + "/*".repeat(N / 2)) + "\nexpect: {rows: 1}\n")),
                Arguments.of("sql of unclosed quotes", probe("type: sql\nurl: jdbc:h2:mem:x\nquery: "
                        + q("SELECT " + "'\"".repeat(N / 2)) + "\nexpect: {rows: 1}\n")),
                Arguments.of("repository", probe("type: github-actions\nrepository: " + q("a".repeat(N) + "x")
                        + "\nworkflows: [ci]\n")),
                Arguments.of("a plain scalar of one long line", Fixtures.MINIMAL + "description: " + "word ".repeat(N / 5) + "\n"),
                Arguments.of("a flow sequence of many ids", Fixtures.MINIMAL.replace("[C0123ABCD]",
                        "[" + "C0123ABCD, ".repeat(N / 11) + "C0123ABCD]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void aLongValueIsCheckedQuickly(String shape, String yaml) {
        Fixtures.templates(dir);
        Path file = Fixtures.manifest(dir, yaml);

        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                Fixtures.reader(dir).read(file);
                return List.<String>of();
            } catch (SourceException e) {
                return e.problems().stream().map(p -> p.format(e.file())).toList();
            }
        }, shape);

        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith(file + ":").doesNotContain("internal error"));
    }
}

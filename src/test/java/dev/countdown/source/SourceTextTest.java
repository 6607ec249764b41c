package dev.countdown.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.countdown.support.Fifos;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {

    private static final String KIND = "Markdown checklist";

    @TempDir
    Path dir;

    private static SourceText decode(byte[] bytes) throws SourceException {
        return SourceText.decode("list.md", bytes, KIND);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static SourceProblem onlyProblem(SourceException e) {
        assertThat(e.problems()).hasSize(1);
        return e.problems().getFirst();
    }

    @Test
    void splitsLinesOnAnyLineEnd() throws Exception {
        assertThat(decode(utf8("a\nb\n")).lines()).containsExactly("a", "b");
        assertThat(decode(utf8("a\r\nb\r\n")).lines()).containsExactly("a", "b");
        assertThat(decode(utf8("a\rb")).lines()).containsExactly("a", "b");
        assertThat(decode(utf8("a\n\nb\n\n")).lines()).containsExactly("a", "", "b", "");
    }

    @Test
    void dropsAUtf8ByteOrderMark() throws Exception {
        SourceText text = decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'T', '\n'});

        assertThat(text.lines()).containsExactly("# T");
        assertThat(text.warnings()).isEmpty();
    }

    @Test
    void readsUtf16WithAWarning() throws Exception {
        SourceText text = decode("\uFEFF# Tëst\r\n- [ ] ✅\r\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(text.lines()).containsExactly("# Tëst", "- [ ] ✅");
        assertThat(text.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).contains("UTF-16");
        });
    }

    @Test
    void readsAFileThatIsNotUtf8AsWindows1252WithAWarningAtTheFirstBadLine() throws Exception {
        byte[] bytes = "# Menu\n- [ ] ok\n- [ ] caf\u00e9 \u20ac5\n".getBytes(Charset.forName("windows-1252"));

        SourceText text = decode(bytes);

        assertThat(text.lines()).containsExactly("# Menu", "- [ ] ok", "- [ ] café €5");
        assertThat(text.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).isEqualTo("the file is not valid UTF-8; it was read as Windows-1252");
        });
    }

    @Test
    void dropsAByteOrderMarkAlsoWhenTheRestIsReadAsWindows1252() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '#', ' ', 'C', 'a', 'f', (byte) 0xE9};

        SourceText text = decode(bytes);

        assertThat(text.lines()).containsExactly("# Café");
    }

    @Test
    void refusesAnEmptyOrBlankFile() {
        for (String blank : new String[] {"", "   \n\t\n\r\n", "\uFEFF\n"}) {
            assertThatThrownBy(() -> decode(utf8(blank)))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("list.md:1: the file is empty; expected a Markdown checklist"));
        }
    }

    @Test
    void refusesBinaryContentNamingTheLineOfTheFirstNul() {
        byte[] bytes = {'#', ' ', 'T', '\n', 'x', '\n', 'P', 'K', 0, 3, 4};

        assertThatThrownBy(() -> decode(bytes)).isInstanceOfSatisfying(SourceException.class, e -> {
            SourceProblem problem = onlyProblem(e);
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("not a text file", "binary", "offset 8");
        });
    }

    @Test
    void refusesBinaryContentWithoutNulBytes() {
        byte[] bytes = new byte[200];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0x01 : 0xFF);
        }

        assertThatThrownBy(() -> decode(bytes)).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(onlyProblem(e).message()).contains("not a text file"));
    }

    @Test
    void readsAFileFromDisk() throws Exception {
        Path file = dir.resolve("list.md");
        Files.writeString(file, "# T\r\n- [ ] a\r\n");

        SourceText text = SourceText.read(file, 1024, KIND);

        assertThat(text.name()).isEqualTo(file.toString());
        assertThat(text.lines()).containsExactly("# T", "- [ ] a");
        assertThat(text.lineCount()).isEqualTo(2);
    }

    @Test
    void refusesAFileOverTheLimitNamingBothSizes() throws IOException {
        Path file = dir.resolve("huge.md");
        Files.write(file, new byte[5 * 1024 * 1024]);

        assertThatThrownBy(() -> SourceText.read(file, 1024 * 1024, KIND))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.getMessage())
                        .isEqualTo(file + ":1: the file is 5.0 MB; a Markdown checklist may be at most 1.0 MB"));
    }

    @Test
    void acceptsAFileExactlyAtTheLimit() throws Exception {
        Path file = dir.resolve("full.md");
        Files.writeString(file, "# T\n" + "x".repeat(1020));

        assertThat(SourceText.read(file, 1024, KIND).lines()).hasSize(2);
    }

    @Test
    void refusesADirectoryAndAMissingFile() {
        assertThatThrownBy(() -> SourceText.read(dir, 1024, KIND))
                .hasMessage(dir + ":1: is a directory; expected a Markdown checklist file");
        Path missing = dir.resolve("nope.md");
        assertThatThrownBy(() -> SourceText.read(missing, 1024, KIND))
                .hasMessage(missing + ":1: no such file");
    }

    @Test
    void refusesANamedPipeWithoutOpeningIt() throws Exception {
        Path fifo = Fifos.make(dir.resolve("checklist.md"));

        // opening a pipe no one writes to would block for ever: the timeout only detects that
        SourceException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(SourceException.class, () -> SourceText.read(fifo, 1024, KIND)));

        assertThat(e.getMessage()).isEqualTo(fifo + ":1: not a regular file; expected a Markdown checklist file,"
                + " not a named pipe, a device or a socket");
    }

    @Test
    void refusesADeviceThatNeverEnds() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");

        SourceException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(SourceException.class, () -> SourceText.read(zero, 1024, KIND)));

        assertThat(e.getMessage()).startsWith("/dev/zero:1: not a regular file;");
    }

    @Test
    void readsAFileThatClaimsNoSizeUpToTheLimitOnly() throws Exception {
        // files under /proc say they are empty and are not: the size on record is not trusted
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc here");

        assertThat(SourceText.read(status, 64 * 1024, KIND).lines()).anyMatch(l -> l.startsWith("Name:"));
        assertThatThrownBy(() -> SourceText.read(status, 10, KIND))
                .hasMessage(status + ":1: the file is more than 10 bytes; a Markdown checklist may be at most 10 bytes");
    }

    @Test
    void formatsEachProblemOnOneLine() {
        assertThat(new SourceProblem(3, "expected a name, got \"a\nb\r\u2028c\"").format("m.yaml"))
                .isEqualTo("m.yaml:3: expected a name, got \"a\\nb\\r c\"");
    }

    @Test
    void namesSizesAsAPersonReadsThem() {
        assertThat(SourceText.humanSize(512)).isEqualTo("512 bytes");
        assertThat(SourceText.humanSize(2048)).isEqualTo("2 KB");
        assertThat(SourceText.humanSize(5 * 1024 * 1024 + 100_000)).isEqualTo("5.1 MB");
    }
}

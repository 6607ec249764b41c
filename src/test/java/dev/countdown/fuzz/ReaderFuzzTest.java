package dev.countdown.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.countdown.manifest.ManifestReader;
import dev.countdown.manifest.TemplateSource;
import dev.countdown.source.SourceException;
import dev.countdown.source.SourceText;
import dev.countdown.template.ChecklistItem;
import dev.countdown.template.ChecklistTemplate;
import dev.countdown.template.TemplateParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The template and manifest readers on generated and mutated files. Whatever the bytes, a reader
 * returns what it read or throws a SourceException whose problems each name a line of the file and
 * say something, on one line; never another exception, and never a hang. Bounded by default to a
 * few seconds; {@code -Dcountdown.fuzz.tries=200000} runs longer and {@code -Dcountdown.fuzz.seed=N}
 * replays a run (see docs/templates.md). A failing input is kept under target/fuzz/.
 */
class ReaderFuzzTest {

    private static final int TRIES = Integer.getInteger("countdown.fuzz.tries", 150);
    private static final long SEED = Long.getLong("countdown.fuzz.seed", System.nanoTime());
    /**
     * Only a hang detector: a read takes milliseconds, a megabyte of mutated checklist about two
     * seconds; 10 s was once passed by such a read on a machine running four builds at once.
     */
    private static final long TIMEOUT_SECONDS = 60;
    private static final Path SHARED = Path.of("..", "shared", "checklists");
    @Test
    void templatesFromFragments() {
        run("templates-from-fragments", random -> bytes(Fragments.text(random, Fragments.MARKDOWN)),
                ReaderFuzzTest::template);
    }

    @Test
    void templatesFromRawBytes() {
        run("templates-from-raw-bytes", Fragments::rawBytes, ReaderFuzzTest::template);
    }

    @Test
    void realChecklistsMutated() throws IOException {
        List<byte[]> checklists = files(Stream.of(SHARED, Path.of("checklist-templates"),
                Path.of("src", "test", "resources", "ceremony", "checklist-templates")), ".md");
        run("real-checklists-mutated", random -> Mutations.mutate(random, Fragments.pick(random, checklists),
                Fragments.MARKDOWN), ReaderFuzzTest::template);
    }

    @Test
    void manifestsFromFragments() {
        run("manifests-from-fragments", random -> bytes(Fragments.text(random, Fragments.YAML)),
                bytes -> manifest(bytes, ReaderFuzzTest.bytes(Fragments.text(new Random(bytes.length), Fragments.MARKDOWN))));
    }

    @Test
    void manifestsFromRawBytes() {
        run("manifests-from-raw-bytes", Fragments::rawBytes, bytes -> manifest(bytes, bytes("# T\n- [ ] a\n")));
    }

    @Test
    void realManifestsMutated() throws IOException {
        List<byte[]> manifests = files(Stream.of(Path.of("manifests"), Path.of("src", "test", "resources", "ceremony",
                "manifests")), ".yaml");
        List<byte[]> checklists = files(Stream.of(Path.of("checklist-templates")), ".md");
        run("real-manifests-mutated", random -> Mutations.mutate(random, Fragments.pick(random, manifests), Fragments.YAML),
                bytes -> {
                    Random random = new Random(bytes.length);
                    return manifest(bytes, Mutations.mutate(random, Fragments.pick(random, checklists), Fragments.MARKDOWN));
                });
    }

    /** Reads a template: its items lie within the file and their ids are unique. */
    private static Object template(byte[] bytes) throws SourceException {
        SourceText text = decode("fuzz.md", bytes, "Markdown checklist", TemplateParser.MAX_BYTES);
        ChecklistTemplate template = new TemplateParser().parse(text);
        List<String> ids = template.items().stream().map(ChecklistItem::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        int lines = text.lineCount();
        assertThat(template.items()).allSatisfy(item -> assertThat(item.line()).isBetween(1, lines));
        return template;
    }

    /** Reads a manifest whose every template name reads {@code template}, itself fuzzed. */
    private static Object manifest(byte[] bytes, byte[] template) throws SourceException {
        TemplateSource templates = (name, manifestFile) ->
                new TemplateParser().parse(decode(name, template, "Markdown checklist", TemplateParser.MAX_BYTES));
        return new ManifestReader(templates).read(Path.of("fuzz.yaml"),
                decode("fuzz.yaml", bytes, "release manifest", ManifestReader.MAX_BYTES));
    }

    /** As SourceText.read decodes a file: what is over the limit is refused before, so it is cut here. */
    private static SourceText decode(String name, byte[] bytes, String kind, long maxBytes) throws SourceException {
        return SourceText.decode(name, Arrays.copyOf(bytes, (int) Math.min(bytes.length, maxBytes)), kind);
    }

    private interface Reader {
        Object read(byte[] bytes) throws SourceException;
    }

    private static void run(String property, Function<Random, byte[]> inputs, Reader reader) {
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzzed-" + property);
            thread.setDaemon(true);
            readerThread.set(thread);
            return thread;
        });
        try {
            run(property, inputs, reader, executor, readerThread);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void run(String property, Function<Random, byte[]> inputs, Reader reader, ExecutorService executor,
                            AtomicReference<Thread> readerThread) {
        Random seeds = new Random(SEED ^ property.hashCode());
        for (int i = 0; i < TRIES; i++) {
            long seed = seeds.nextLong();
            byte[] input = inputs.apply(new Random(seed));
            String replay = "%s try %d (-Dcountdown.fuzz.seed=%d), input kept in %s".formatted(property, i, SEED,
                    keep(property, input, false));
            Future<Object> read = executor.submit(() -> {
                try {
                    return reader.read(input);
                } catch (SourceException e) {
                    return e;
                }
            });
            Object outcome;
            try {
                outcome = read.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // where the reader is stuck, for whoever reads the failure
                String stack = Arrays.stream(readerThread.get().getStackTrace()).limit(30)
                        .map(frame -> "\n\tat " + frame).collect(Collectors.joining());
                read.cancel(true);
                keep(property, input, true);
                throw new AssertionError("no answer within " + TIMEOUT_SECONDS + " s: " + replay + stack);
            } catch (ExecutionException e) {
                keep(property, input, true);
                if (e.getCause() instanceof AssertionError wrong) {
                    throw new AssertionError(wrong.getMessage() + "; " + replay, wrong);
                }
                throw new AssertionError("not a SourceException: " + e.getCause() + "; " + replay, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (outcome instanceof SourceException refusal) {
                try {
                    checkProblems(refusal, lineBound(input), replay);
                } catch (AssertionError e) {
                    keep(property, input, true);
                    throw e;
                }
            }
        }
    }

    private static void checkProblems(SourceException e, int lineBound, String replay) {
        if (e.problems().isEmpty()) {
            fail("a SourceException without problems: " + replay);
        }
        e.problems().forEach(problem -> {
            assertThat(problem.line()).as("line of '%s'; %s", problem.message(), replay).isBetween(1, lineBound);
            assertThat(problem.message()).as(replay).isNotBlank();
            assertThat(problem.format(e.file())).as(replay).doesNotContain("\n", "\r");
        });
    }

    /** At least as many lines as the reader can see: every line end counted, CR and LF alike. */
    private static int lineBound(byte[] bytes) {
        int breaks = 0;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                breaks++;
            }
        }
        return breaks + 1;
    }

    private static Path keep(String property, byte[] input, boolean write) {
        Path file = Path.of("target", "fuzz", property + ".bin");
        if (write) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, input);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return file;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> files(Stream<Path> directories, String extension) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (Path directory : directories.filter(Files::isDirectory).toList()) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(extension)).sorted().toList()) {
                    contents.add(Files.readAllBytes(file));
                }
            }
        }
        assertThat(contents).as("files to mutate").isNotEmpty();
        return contents;
    }
}

package dev.countdown.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went in a flight recording of {@link AckBenchmark}: execution samples by the
 * package of their top frame, and by what the stack is inside (a sample counts once for each).
 *
 * <pre>bin/with-jdk21 java -cp target/test-classes dev.countdown.bench.JfrTop target/bench/h2-.../clicks.jfr</pre>
 */
public final class JfrTop {

    /** What a stack is inside of, by a frame whose class and method start with the value. */
    private static final Map<String, String> INSIDE = new LinkedHashMap<>();

    static {
        INSIDE.put("Bolt parses the request (BlockActionRequest.<init>)", "com.slack.api.bolt.request.builtin.BlockActionRequest.<init>");
        INSIDE.put("  of which a new Gson (GsonFactory.create*)", "com.slack.api.util.json.GsonFactory.create");
        INSIDE.put("Slack request handling (SlackEventsController)", "dev.countdown.slack.SlackEventsController.");
        INSIDE.put("the click (SlackActionHandler.blockAction)", "dev.countdown.slack.SlackActionHandler.blockAction");
        INSIDE.put("ReleaseService.find (before the transaction)", "dev.countdown.release.ReleaseService.find");
        INSIDE.put("ReleaseService.handle (the transaction)", "dev.countdown.release.ReleaseService.handle");
        INSIDE.put("release document read (ReleaseDocuments.read)", "dev.countdown.release.ReleaseDocuments.read");
        INSIDE.put("release document written (ReleaseDocuments.write)", "dev.countdown.release.ReleaseDocuments.write");
        INSIDE.put("Jackson", "com.fasterxml.jackson.");
        INSIDE.put("Gson", "com.google.gson.");
        INSIDE.put("HikariCP", "com.zaxxer.hikari.");
        INSIDE.put("  of which ConcurrentBag", "com.zaxxer.hikari.util.ConcurrentBag.");
        INSIDE.put("H2", "org.h2.");
        INSIDE.put("PostgreSQL driver", "org.postgresql.");
        INSIDE.put("audit events: chain and inserts (dev.countdown.evidence)", "dev.countdown.evidence.");
        INSIDE.put("chat outbox delivery (ChatDispatcher)", "dev.countdown.chat.ChatDispatcher.");
        INSIDE.put("Slack Web API client (okhttp)", "okhttp3.");
        INSIDE.put("Netty", "io.netty.");
        INSIDE.put("Micronaut", "io.micronaut.");
    }

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        List<RecordedEvent> samples = RecordingFile.readAllEvents(Path.of(args[0])).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null)
                .toList();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> inside = new LinkedHashMap<>();
        Map<String, Integer> firstOwn = new HashMap<>();
        Map<String, Integer> methods = new HashMap<>();
        INSIDE.keySet().forEach(k -> inside.put(k, 0));
        for (RecordedEvent sample : samples) {
            List<RecordedFrame> frames = sample.getStackTrace().getFrames();
            top.merge(pkg(name(frames.getFirst())), 1, Integer::sum);
            methods.merge(name(frames.getFirst()), 1, Integer::sum);
            frames.stream().map(JfrTop::name).filter(n -> n.startsWith("dev.countdown.")).findFirst()
                    .ifPresent(n -> firstOwn.merge(n.substring(0, n.lastIndexOf('.')), 1, Integer::sum));
            INSIDE.forEach((label, prefix) -> {
                if (frames.stream().anyMatch(f -> name(f).startsWith(prefix))) {
                    inside.merge(label, 1, Integer::sum);
                }
            });
        }
        int n = samples.size();
        System.out.printf(Locale.ROOT, "%d execution samples%n%nby the package of the top frame:%n", n);
        print(top, n, 15);
        System.out.println("\ntop frames:");
        print(methods, n, 20);
        System.out.println("\nby the nearest Countdown class below the top frame:");
        print(firstOwn, n, 15);
        System.out.println("\ninside (a sample counts for each):");
        inside.forEach((label, count) -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * count / n, label));
    }

    private static void print(Map<String, Integer> counts, int n, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The first three parts of a class's package: com.zaxxer.hikari, dev.countdown.release. */
    private static String pkg(String method) {
        String[] parts = method.split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(3, parts.length - 2); i++) {
            out.append(i == 0 ? "" : ".").append(parts[i]);
        }
        return out.toString();
    }
}

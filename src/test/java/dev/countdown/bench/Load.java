package dev.countdown.bench;

import dev.countdown.support.SignedSlackRequests;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed loop: {@code concurrency} clients, each sending its next signed request as soon as the
 * last was answered, first for a warm-up that is thrown away, then for the measured time. Every
 * request is signed when sent, as Slack signs it.
 */
final class Load {

    /** What one case measured; latencies in milliseconds, throughput in requests a second. */
    record Result(int concurrency, long requests, long errors, double p50, double p99, double max, double perSecond,
                  double cpuMsPerRequest, String firstError) {
        String row(String name, Result floor) {
            String ratio = floor == null ? "" : String.format(Locale.ROOT, "  (p99 %.2fx, rate %.2fx the floor)",
                    p99 / floor.p99, perSecond / floor.perSecond);
            return String.format(Locale.ROOT, "%-22s c=%-3d p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %7.0f/s  cpu %5.2f ms/req"
                            + "  errors %d%s", name, concurrency, p50, p99, max, perSecond, cpuMsPerRequest, errors, ratio);
        }
    }

    private final URI base;
    private final String secret;
    private final java.util.function.LongSupplier cpuMillis;

    /** {@code cpuMillis}: the CPU time the server has used so far. */
    Load(URI base, String secret, java.util.function.LongSupplier cpuMillis) {
        this.base = base;
        this.secret = secret;
        this.cpuMillis = cpuMillis;
    }

    /** Runs {@code body(n)} for n = 0, 1, 2... (shared by all clients) at {@code concurrency}. */
    Result run(int concurrency, Duration warmup, Duration measured, LongFunction<String> body, AtomicLong sequence)
            throws InterruptedException {
        loop(concurrency, warmup, body, sequence);
        return loop(concurrency, measured, body, sequence);
    }

    private Result loop(int concurrency, Duration time, LongFunction<String> body, AtomicLong sequence)
            throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        long[][] latencies = new long[concurrency][];
        long[] errors = new long[concurrency];
        String[] firstError = new String[concurrency];
        int[] counts = new int[concurrency];
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        long cpuBefore = cpuMillis.getAsLong();
        for (int c = 0; c < concurrency; c++) {
            latencies[c] = new long[4096];
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                try (RawHttp http = new RawHttp(base)) {
                    while (System.nanoTime() < end) {
                        String request = body.apply(sequence.getAndIncrement());
                        long now = System.currentTimeMillis() / 1000;
                        String signature = SignedSlackRequests.signature(secret, now, request);
                        long t0 = System.nanoTime();
                        RawHttp.Answer answer;
                        try {
                            answer = http.post("/slack/events", "application/x-www-form-urlencoded", request,
                                    "X-Slack-Request-Timestamp", Long.toString(now), "X-Slack-Signature", signature);
                        } catch (Exception e) {
                            answer = new RawHttp.Answer(-1, String.valueOf(e));
                        }
                        long took = System.nanoTime() - t0;
                        if (counts[client] == latencies[client].length) {
                            latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                        }
                        latencies[client][counts[client]++] = took;
                        if (answer.status() != 200 || answer.body().contains("\"response_action\":\"errors\"")) {
                            if (errors[client]++ == 0) {
                                firstError[client] = answer.status() + " " + answer.body();
                            }
                        }
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = cpuMillis.getAsLong() - cpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        String first = Arrays.stream(firstError).filter(e -> e != null).findFirst().orElse(null);
        return new Result(concurrency, total, Arrays.stream(errors).sum(), ms(percentile(all, 50)),
                ms(percentile(all, 99)), ms(total == 0 ? 0 : all[total - 1]), total / seconds,
                total == 0 ? 0 : (double) cpu / total, first);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

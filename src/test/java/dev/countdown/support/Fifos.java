package dev.countdown.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Named pipes for tests of readers that must refuse them, made by the system's mkfifo. */
public final class Fifos {

    private Fifos() {
    }

    /** Makes a named pipe at {@code path}; skips the test where mkfifo is missing. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException noMkfifo) {
            Assumptions.abort("mkfifo is not available: " + noMkfifo.getMessage());
            throw noMkfifo;
        }
        boolean done = mkfifo.waitFor(10, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && mkfifo.exitValue() == 0 && Files.exists(path), "mkfifo failed");
        return path;
    }
}

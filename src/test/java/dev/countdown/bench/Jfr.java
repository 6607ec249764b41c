package dev.countdown.bench;

import java.io.IOException;
import java.nio.file.Path;

/** A flight recording of one case, started and dumped in the measured JVM with jcmd (default settings: about 1 % overhead). */
final class Jfr {

    private Jfr() {
    }

    static void start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
    }

    static void stop(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String jcmd = Path.of(java).resolveSibling("jcmd").toString();
        String[] line = new String[command.length + 2];
        line[0] = jcmd;
        line[1] = Long.toString(pid);
        System.arraycopy(command, 0, line, 2, command.length);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
    }
}

package dev.countdown.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.cli.ToolCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code countdown evidence verify FILE}: checks a saved JSON bundle offline. */
public final class EvidenceVerifyCommand implements ToolCommand {

    private static final long MAX_BYTES = 64L * 1024 * 1024;

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public List<String> usage() {
        return List.of("evidence verify FILE   check a saved evidence bundle (JSON) for alterations");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !args.getFirst().equals("verify")) {
            err.println("usage: countdown " + usage().getFirst());
            return USAGE;
        }
        String file = args.get(1);
        JsonNode bundle;
        try {
            Path path = Path.of(file);
            if (Files.size(path) > MAX_BYTES) {
                err.println(file + ": larger than any evidence bundle Countdown writes");
                return 1;
            }
            bundle = EvidenceBundle.json().readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
            return 1;
        } catch (JsonProcessingException e) {
            err.println(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
            return 1;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return 1;
        }
        Optional<String> problem = EvidenceBundle.verify(bundle);
        if (problem.isPresent()) {
            err.println(file + ": NOT VERIFIED: " + problem.get());
            return 1;
        }
        JsonNode release = bundle.path("release");
        out.println(file + ": verified: " + release.path("service").asText() + " " + release.path("version").asText()
                + ", " + bundle.path("audit").path("events").size() + " events, chain head "
                + bundle.path("audit").path("head").asText());
        return 0;
    }
}

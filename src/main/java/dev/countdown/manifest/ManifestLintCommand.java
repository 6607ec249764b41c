package dev.countdown.manifest;

import dev.countdown.cli.ToolCommand;
import dev.countdown.source.SourceException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code countdown manifest lint FILE [--templates DIR]}: checks a manifest and the template it names. */
public final class ManifestLintCommand implements ToolCommand {

    @Override
    public String name() {
        return "manifest";
    }

    @Override
    public List<String> usage() {
        return List.of("manifest lint FILE [--templates DIR]   check a release manifest and its template");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(args);
        Optional<Path> templates = Optional.empty();
        int flag = words.indexOf("--templates");
        if (flag >= 0) {
            if (flag + 1 >= words.size()) {
                err.println("usage: countdown " + usage().getFirst());
                return USAGE;
            }
            templates = Optional.of(Path.of(words.get(flag + 1)));
            words.subList(flag, flag + 2).clear();
        }
        if (words.size() != 2 || !words.getFirst().equals("lint")) {
            err.println("usage: countdown " + usage().getFirst());
            return USAGE;
        }
        String file = words.get(1);
        try {
            ManifestReader.Loaded loaded = new ManifestReader(new TemplateCatalog(templates)).read(Path.of(file));
            out.print(ManifestOutline.write(loaded, file));
            return 0;
        } catch (SourceException e) {
            e.problems().forEach(p -> err.println(p.format(file)));
            return 1;
        }
    }
}

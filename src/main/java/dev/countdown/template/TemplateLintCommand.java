package dev.countdown.template;

import dev.countdown.cli.ToolCommand;
import dev.countdown.source.SourceException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code countdown template lint FILE [--json]}: shows what Countdown reads in a checklist. */
public final class TemplateLintCommand implements ToolCommand {

    @Override
    public String name() {
        return "template";
    }

    @Override
    public List<String> usage() {
        return List.of("template lint FILE [--json]   show what a Markdown checklist is read as");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = args.contains("--json");
        List<String> words = args.stream().filter(a -> !a.equals("--json")).toList();
        if (words.size() != 2 || !words.getFirst().equals("lint")) {
            err.println("usage: countdown " + usage().getFirst());
            return USAGE;
        }
        String file = words.get(1);
        try {
            ChecklistTemplate template = new TemplateParser().parse(Path.of(file));
            out.print(json ? TemplateJson.write(template) + "\n" : TemplateOutline.write(template, file));
            return 0;
        } catch (SourceException e) {
            e.problems().forEach(p -> err.println(p.format(file)));
            return 1;
        }
    }
}

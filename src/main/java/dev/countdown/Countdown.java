package dev.countdown;

import dev.countdown.cli.ToolCommands;
import dev.countdown.evidence.EvidenceVerifyCommand;
import dev.countdown.manifest.ManifestLintCommand;
import dev.countdown.template.TemplateLintCommand;
import io.micronaut.runtime.Micronaut;
import java.util.List;

/**
 * The one entry point of {@code countdown.jar}: with no arguments it runs the service, with a
 * tool's name ({@code template lint FILE}, ...) it runs that tool and exits without starting the
 * service, so linting a file stays instant and needs no database.
 */
public final class Countdown {

    private Countdown() {
    }

    /** The tools of the jar, named here at the entry point so that {@code cli} depends on none of them. */
    public static ToolCommands tools() {
        return new ToolCommands(List.of(new TemplateLintCommand(), new ManifestLintCommand(), new EvidenceVerifyCommand()));
    }

    public static void main(String[] args) {
        ToolCommands tools = tools();
        if (args.length > 0 && tools.handles(args[0])) {
            System.exit(tools.run(args));
        }
        Micronaut.run(Countdown.class, args);
    }
}

package dev.countdown;

import dev.countdown.cli.ToolCommands;
import io.micronaut.runtime.Micronaut;

/**
 * The one entry point of {@code countdown.jar}: with no arguments it runs the service, with a
 * tool's name ({@code template lint FILE}, ...) it runs that tool and exits without starting the
 * service, so linting a file stays instant and needs no database.
 */
public final class Countdown {

    private Countdown() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ToolCommands.handles(args[0])) {
            System.exit(ToolCommands.standard().run(args));
        }
        Micronaut.run(Countdown.class, args);
    }
}

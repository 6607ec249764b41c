package dev.countdown.cli;

import java.io.PrintStream;
import java.util.List;

/** A tool of {@code countdown.jar} run from the command line instead of the service. */
public interface ToolCommand {

    /** The exit code of a wrong command line, as most Unix tools. */
    int USAGE = 2;

    /** The first word of its command line: {@code template}, {@code manifest}, ... */
    String name();

    /** One line per form of the command, shown by {@code countdown help}. */
    List<String> usage();

    /**
     * Runs with the words after {@link #name()}.
     *
     * @return the process's exit code: 0 done, 1 the input is not usable, {@link #USAGE} the command line is wrong
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}

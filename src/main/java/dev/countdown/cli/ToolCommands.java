package dev.countdown.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dispatches {@code countdown.jar TOOL ...} to a tool; a tool's failure never shows a stack trace.
 * It knows tools only as {@link ToolCommand}s: which tools there are is the entry point's business.
 */
public final class ToolCommands {

    private static final Set<String> HELP = Set.of("help", "--help", "-h");

    private final List<ToolCommand> tools;

    public ToolCommands(List<ToolCommand> tools) {
        this.tools = List.copyOf(tools);
    }

    /** True when the first argument names a tool (or asks for help) rather than a service option. */
    public boolean handles(String first) {
        return HELP.contains(first) || find(first).isPresent();
    }

    public int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || HELP.contains(args[0])) {
            printUsage(out);
            return 0;
        }
        Optional<ToolCommand> tool = find(args[0]);
        if (tool.isEmpty()) {
            err.println("countdown: unknown command '" + args[0] + "'");
            printUsage(err);
            return ToolCommand.USAGE;
        }
        try {
            return tool.get().run(Arrays.asList(args).subList(1, args.length), out, err);
        } catch (RuntimeException | Error e) {
            // a tool's own failure (a bug, a stack overflow, no memory left) is one line, never a stack trace
            err.println("countdown " + args[0] + ": failed: " + oneLine(e));
            return 1;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + message;
    }

    private Optional<ToolCommand> find(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private void printUsage(PrintStream out) {
        out.println("Usage:");
        out.println("  java -jar countdown.jar                 run the service");
        tools.forEach(t -> t.usage().forEach(line -> out.println("  java -jar countdown.jar " + line)));
    }
}

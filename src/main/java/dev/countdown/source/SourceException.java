package dev.countdown.source;

import java.util.List;
import java.util.stream.Collectors;

/** A user's file that cannot be used; the problems name the file and the lines. */
public final class SourceException extends Exception {

    private final String file;
    private final List<SourceProblem> problems;

    public SourceException(String file, List<SourceProblem> problems) {
        super(problems.stream().map(p -> p.format(file)).collect(Collectors.joining("\n")));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public SourceException(String file, int line, String message) {
        this(file, List.of(new SourceProblem(line, message)));
    }

    /**
     * A failure of a reader itself (a bug, a stack overflow) while reading {@code line}: reported
     * like any problem of the file, so that one file a reader cannot use spoils no other.
     */
    public static SourceException unexpected(String file, int line, Throwable failure) {
        return new SourceException(file, Math.max(1, line), "Countdown could not read this line (internal error: "
                + failure.getClass().getSimpleName() + "); please report it with the file");
    }

    public String file() {
        return file;
    }

    public List<SourceProblem> problems() {
        return problems;
    }
}

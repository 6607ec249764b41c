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

    public String file() {
        return file;
    }

    public List<SourceProblem> problems() {
        return problems;
    }
}

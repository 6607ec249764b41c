package dev.countdown.manifest;

import dev.countdown.source.SourceProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Errors and warnings collected while reading a manifest, so a user sees all of them at once. */
final class Problems {

    private final List<SourceProblem> errors = new ArrayList<>();
    private final List<SourceProblem> warnings = new ArrayList<>();
    /** The line of the value being read last, for a failure of the reader itself. */
    private int reading = 1;

    void reading(int line) {
        reading = line;
    }

    int reading() {
        return reading;
    }

    void error(int line, String field, String message) {
        errors.add(new SourceProblem(line, field.isEmpty() ? message : field + ": " + message));
    }

    void warning(int line, String field, String message) {
        warnings.add(new SourceProblem(line, field.isEmpty() ? message : field + ": " + message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<SourceProblem> errors() {
        return sorted(errors);
    }

    List<SourceProblem> warnings() {
        return sorted(warnings);
    }

    private static List<SourceProblem> sorted(List<SourceProblem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(SourceProblem::line)).toList();
    }
}

package dev.countdown.manifest;

import dev.countdown.source.SourceProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Errors and warnings collected while reading a manifest, so a user sees all of them at once. */
final class Problems {

    private final List<SourceProblem> errors = new ArrayList<>();
    private final List<SourceProblem> warnings = new ArrayList<>();

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

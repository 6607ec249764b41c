package dev.countdown.source;

/** Something found at a line of a user's file: an error that stops its use, or a warning. */
public record SourceProblem(int line, String message) {

    public String format(String file) {
        return file + ":" + line + ": " + message;
    }
}

package dev.countdown.source;

/** Something found at a line of a user's file: an error that stops its use, or a warning. */
public record SourceProblem(int line, String message) {

    /**
     * {@code file:line: message} on one line, whatever the message quotes from the file: a quoted
     * YAML value may hold line breaks, and a tool's reader expects one problem per line.
     */
    public String format(String file) {
        return oneLine(file) + ":" + line + ": " + oneLine(message);
    }

    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u0085', '\u2028', '\u2029' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package dev.countdown.manifest;

import java.util.Arrays;

/**
 * The file's line of each line SnakeYAML counts. YAML 1.1 also ends lines at U+0085, U+2028 and
 * U+2029, which a file's lines do not (nor does an editor show them so): without this, a manifest
 * written with U+2028 between its fields had its problems reported at lines past its end.
 */
final class YamlLines {

    /** {@code fileLine[n]} is the file's line of SnakeYAML's line n (1-based). */
    private final int[] fileLine;

    private YamlLines(int[] fileLine) {
        this.fileLine = fileLine;
    }

    /** For the text SnakeYAML is given: the file's lines joined with '\n'. */
    static YamlLines of(String text) {
        int[] lines = new int[16];
        int yaml = 1;
        int file = 1;
        lines[1] = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean fileBreak = c == '\n';
            if (fileBreak || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                file += fileBreak ? 1 : 0;
                if (++yaml >= lines.length) {
                    lines = Arrays.copyOf(lines, lines.length * 2);
                }
                lines[yaml] = file;
            }
        }
        return new YamlLines(Arrays.copyOf(lines, yaml + 1));
    }

    /** The file's line of SnakeYAML's (or Jackson's) 1-based line {@code yamlLine}, within the file. */
    int fileLine(int yamlLine) {
        return fileLine[Math.clamp(yamlLine, 1, fileLine.length - 1)];
    }
}

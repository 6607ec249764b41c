package dev.countdown.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's text file, decoded the way a careful reader would: a byte-order mark or CRLF line ends
 * change nothing, a file that is not UTF-8 is read as Windows-1252 (with a warning) rather than
 * refused, and binary, empty or oversized files are refused with a message saying so.
 *
 * @param name     how the file is named in messages
 * @param lines    the lines, without their line ends; line N is {@code lines.get(N - 1)}
 * @param warnings what was noticed while decoding
 */
public record SourceText(String name, List<String> lines, List<SourceProblem> warnings) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public SourceText {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads a file, refusing it when larger than {@code maxBytes}; {@code kind} names it in errors.
     * Only a regular file is opened: a named pipe would block the reader until someone writes to
     * it, and a device such as /dev/zero never ends; a file that grows while read is cut off at
     * the limit rather than trusted by its size.
     */
    public static SourceText read(Path path, long maxBytes, String kind) throws SourceException {
        String name = path.toString();
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new SourceException(name, 1, "is a directory; expected a " + kind + " file");
            }
            if (!attributes.isRegularFile()) {
                throw new SourceException(name, 1, "not a regular file; expected a " + kind
                        + " file, not a named pipe, a device or a socket");
            }
            if (attributes.size() > maxBytes) {
                throw tooLarge(name, humanSize(attributes.size()), maxBytes, kind);
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
            if (bytes.length > maxBytes) {
                throw tooLarge(name, "more than " + humanSize(maxBytes), maxBytes, kind);
            }
        } catch (NoSuchFileException e) {
            throw new SourceException(name, 1, "no such file");
        } catch (IOException e) {
            throw new SourceException(name, 1, "cannot read the file: " + e.getMessage());
        }
        return decode(name, bytes, kind);
    }

    private static SourceException tooLarge(String name, String size, long maxBytes, String kind) {
        return new SourceException(name, 1, "the file is %s; a %s may be at most %s"
                .formatted(size, kind, humanSize(maxBytes)));
    }

    /** Decodes bytes already in hand; the same rules as {@link #read}. */
    public static SourceText decode(String name, byte[] bytes, String kind) throws SourceException {
        List<SourceProblem> warnings = new ArrayList<>();
        String text = decodeText(name, bytes, warnings);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new SourceException(name, 1, "the file is empty; expected a " + kind);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (lines.size() > 1 && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return new SourceText(name, lines, warnings);
    }

    public int lineCount() {
        return lines.size();
    }

    private static String decodeText(String name, byte[] bytes, List<SourceProblem> warnings)
            throws SourceException {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            warnings.add(new SourceProblem(1, "the file is UTF-16; it was read as such, but UTF-8 is expected"));
            return new String(bytes, StandardCharsets.UTF_16);
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw new SourceException(name, lineAt(bytes, nul),
                    "this is not a text file: it has binary content (a NUL byte at offset " + nul + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            int bad = firstInvalidUtf8(bytes);
            if (controlShare(bytes) > 0.05) {
                throw new SourceException(name, lineAt(bytes, bad),
                        "this is not a text file: it has binary content (offset " + bad + ")");
            }
            warnings.add(new SourceProblem(lineAt(bytes, bad),
                    "the file is not valid UTF-8; it was read as Windows-1252"));
            // a UTF-8 byte-order mark still means nothing here; read as Windows-1252 it would be "ï»¿"
            int start = startsWith(bytes, 0xEF, 0xBB) && bytes.length > 2 && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            return new String(bytes, start, bytes.length - start, WINDOWS_1252);
        }
    }

    private static boolean startsWith(byte[] bytes, int first, int second) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == first && (bytes[1] & 0xFF) == second;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static double controlShare(byte[] bytes) {
        long controls = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 0x20 && v != '\n' && v != '\r' && v != '\t' && v != '\f') {
                controls++;
            }
        }
        return bytes.length == 0 ? 0 : (double) controls / bytes.length;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}

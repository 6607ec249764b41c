package dev.countdown.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Repairs text whose UTF-8 bytes were once decoded as Mac Roman or Windows-1252 ({@code ‚úÖ} or
 * {@code âœ…} for ✅). Each suspect run of characters is turned back into the bytes that charset
 * would have written and decoded as UTF-8; the repair is made only when exactly one charset gives
 * a plausible character, so ordinary accented text is left alone.
 */
public final class MojibakeRepair {

    /** A line after repair, and what was changed (empty when nothing was). */
    public record Result(String text, List<String> repairs, boolean ambiguous) {
    }

    private record Candidate(String decoded, int consumed) {
    }

    private static final List<Map<Character, Integer>> CHARSET_BYTES = List.of(
            highBytes(Charset.forName("x-MacRoman")),
            highBytes(Charset.forName("windows-1252")));

    private MojibakeRepair() {
    }

    public static Result repair(String line) {
        if (line.chars().allMatch(c -> c < 0x80)) {
            return new Result(line, List.of(), false);
        }
        StringBuilder out = new StringBuilder(line.length());
        List<String> repairs = new java.util.ArrayList<>();
        boolean ambiguous = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c < 0x80) {
                out.append(c);
                i++;
                continue;
            }
            Candidate chosen = null;
            boolean conflict = false;
            for (Map<Character, Integer> bytes : CHARSET_BYTES) {
                Optional<Candidate> candidate = decodeAt(line, i, bytes);
                if (candidate.isEmpty()) {
                    continue;
                }
                if (chosen == null) {
                    chosen = candidate.get();
                } else if (!chosen.equals(candidate.get())) {
                    conflict = true;
                }
            }
            if (chosen != null && !conflict && fitsItsNeighbours(chosen, out, line, i + chosen.consumed())) {
                repairs.add(line.substring(i, i + chosen.consumed()) + " → " + chosen.decoded());
                out.append(chosen.decoded());
                i += chosen.consumed();
            } else {
                ambiguous |= conflict;
                out.append(c);
                i++;
            }
        }
        return new Result(out.toString(), List.copyOf(repairs), ambiguous);
    }

    private static Optional<Candidate> decodeAt(String line, int start, Map<Character, Integer> bytes) {
        Integer lead = bytes.get(line.charAt(start));
        if (lead == null) {
            return Optional.empty();
        }
        int length = sequenceLength(lead);
        if (length == 0 || start + length > line.length()) {
            return Optional.empty();
        }
        byte[] raw = new byte[length];
        raw[0] = (byte) (int) lead;
        for (int k = 1; k < length; k++) {
            Integer next = bytes.get(line.charAt(start + k));
            if (next == null || (next & 0xC0) != 0x80) {
                return Optional.empty();
            }
            raw[k] = (byte) (int) next;
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            return plausible(decoded.codePointAt(0))
                    ? Optional.of(new Candidate(decoded, length))
                    : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Two characters also form a valid two-byte sequence by chance in ordinary text: "’é" in "l’été"
     * reads back as Armenian "Վ", "“é" in "“école”" as Cyrillic "Ҏ". A letter of one script glued to a
     * letter of another is not what anyone wrote, so that is no repair. Only the repaired text before
     * and an ASCII character after are judged: a non-ASCII one may itself be mis-decoded.
     */
    private static boolean fitsItsNeighbours(Candidate candidate, CharSequence before, String line, int after) {
        int decoded = candidate.decoded().codePointAt(0);
        if (candidate.consumed() != 2 || !Character.isLetter(decoded)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(decoded);
        int previous = before.isEmpty() ? ' ' : Character.codePointBefore(before, before.length());
        int next = after < line.length() && line.charAt(after) < 0x80 ? line.charAt(after) : ' ';
        return !otherScriptLetter(previous, script) && !otherScriptLetter(next, script);
    }

    private static boolean otherScriptLetter(int codePoint, Character.UnicodeScript script) {
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) != script;
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /**
     * Rejects what no writer meant: controls, unassigned or private code points, stray combining marks,
     * and phonetic letters: a no-break space before "é", as French puts after "«", reads back as "ʎ".
     */
    private static boolean plausible(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        if (block == Character.UnicodeBlock.IPA_EXTENSIONS || block == Character.UnicodeBlock.SPACING_MODIFIER_LETTERS) {
            return false;
        }
        boolean joinerOrSelector = codePoint == 0x200D || codePoint == 0xFEFF
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> false;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> joinerOrSelector;
            default -> true;
        };
    }

    /**
     * The character each byte 0x80–0xFF becomes in a charset. Windows-1252 leaves five bytes
     * undefined; decoders that pass them through produce the C1 controls of the same value.
     */
    private static Map<Character, Integer> highBytes(Charset charset) {
        Map<Character, Integer> map = new HashMap<>();
        for (int b = 0x80; b <= 0xFF; b++) {
            String s = new String(new byte[] {(byte) b}, charset);
            char c = s.length() == 1 && s.charAt(0) != '\uFFFD' ? s.charAt(0) : (char) b;
            map.putIfAbsent(c, b);
        }
        return Map.copyOf(map);
    }
}

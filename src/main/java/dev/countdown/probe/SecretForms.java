package dev.countdown.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms one secret value comes back in besides itself, and how to mask each: escaped
 * (percent-encoded as a URL carries it, JSON-escaped as an echo prints it, any mix of the two),
 * hex, and base64 in either alphabet, padded or not, alone or anywhere inside a longer base64
 * text ({@code Authorization: Basic base64(user:secret)} echoed back).
 */
final class SecretForms {

    /**
     * Values shorter than this many UTF-8 bytes get no hex or base64 form. A 4-byte value leaves only
     * 4 or 5 base64 characters that depend on it alone (24–30 bits); a 2 KB base64 excerpt holds such
     * a string by chance about once in 8,000, and a match masks the whole base64 text around it. From
     * 6 bytes on that part is at least 7 characters (42 bits): a chance match no longer happens.
     */
    static final int MIN_ENCODED_BYTES = 6;

    private final Pattern escaped;
    private final List<String> hex;
    private final List<String> base64Cores;

    private SecretForms(Pattern escaped, List<String> hex, List<String> base64Cores) {
        this.escaped = escaped;
        this.hex = hex;
        this.base64Cores = base64Cores;
    }

    static SecretForms of(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        boolean encodable = bytes.length >= MIN_ENCODED_BYTES;
        return new SecretForms(escaped(value),
                encodable ? List.of(HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes))
                        : List.of(),
                encodable ? base64Cores(bytes) : List.of());
    }

    /** The text with every form of the value replaced: by {@code shownAs}, or by a label naming the encoding. */
    String redact(String text, String shownAs) {
        String out = escaped.matcher(text).replaceAll(Matcher.quoteReplacement(shownAs));
        for (String form : hex) {
            out = out.replace(form, labelled("hex of ", shownAs));
        }
        return base64Cores.isEmpty() ? out : redactBase64(out, labelled("base64 with ", shownAs));
    }

    private static String labelled(String encoding, String shownAs) {
        return shownAs.equals(Redactor.MASK) ? shownAs : "[" + encoding + shownAs + "]";
    }

    /** Each character as itself, percent-encoded (either case) or JSON-escaped. */
    private static Pattern escaped(String value) {
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            List<String> ways = new ArrayList<>(List.of(Pattern.quote(ch)));
            StringBuilder percent = new StringBuilder();
            for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                percent.append('%').append(anyCaseHex(b & 0xff, 2));
            }
            ways.add(percent.toString());
            if (cp < 0x10000) {
                ways.add("\\\\u" + anyCaseHex(cp, 4));
            }
            switch (cp) {
                case ' ' -> ways.add("\\+");
                case '/' -> ways.add("\\\\/");
                case '"' -> ways.add("\\\\\"");
                case '\\' -> ways.add("\\\\\\\\");
                default -> {
                }
            }
            regex.append("(?:").append(String.join("|", ways)).append(')');
        });
        return Pattern.compile(regex.toString());
    }

    private static String anyCaseHex(int value, int digits) {
        StringBuilder regex = new StringBuilder();
        for (char c : String.format("%0" + digits + "x", value).toCharArray()) {
            regex.append(Character.isDigit(c) ? String.valueOf(c) : "[" + c + Character.toUpperCase(c) + "]");
        }
        return regex.toString();
    }

    /**
     * The characters of the value's base64 that do not depend on the bytes around it, for each of
     * the three places it can start within a 3-byte group, in both alphabets. Character k of an
     * encoding holds bits 6k..6k+5 of the input; with {@code offset} bytes before the value, the
     * ones wholly inside it run from ceil(8·offset / 6) to floor(8·(offset + length) / 6), exclusive.
     */
    private static List<String> base64Cores(byte[] bytes) {
        Set<String> cores = new LinkedHashSet<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            String core = encoded.substring((8 * offset + 5) / 6, 8 * shifted.length / 6);
            cores.add(core);
            cores.add(core.replace('+', '-').replace('/', '_'));
        }
        return List.copyOf(cores);
    }

    /** Every base64 run holding a core, masked whole: its other characters carry bits of the value too. */
    private String redactBase64(String text, String label) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (true) {
            int at = -1;
            int length = 0;
            for (String core : base64Cores) {
                int found = text.indexOf(core, copied);
                if (found >= 0 && (at < 0 || found < at)) {
                    at = found;
                    length = core.length();
                }
            }
            if (at < 0) {
                return copied == 0 ? text : out.append(text, copied, text.length()).toString();
            }
            int start = at;
            while (start > copied && isBase64(text.charAt(start - 1))) {
                start--;
            }
            int end = at + length;
            while (end < text.length() && isBase64(text.charAt(end))) {
                end++;
            }
            for (int pad = 0; pad < 2 && end < text.length() && text.charAt(end) == '='; pad++) {
                end++;
            }
            out.append(text, copied, start).append(label);
            copied = end;
        }
    }

    /** Either alphabet: standard ({@code +/}) or URL-safe ({@code -_}). */
    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '-' || c == '_';
    }
}

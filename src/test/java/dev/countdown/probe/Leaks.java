package dev.countdown.probe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for a secret in a text the way someone reading the evidence could: as is, percent-encoded,
 * in hex, and by decoding every base64-looking run at each of its four character offsets. It knows
 * nothing of how the redactor finds them, so it can tell when it misses one.
 */
public final class Leaks {

    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/_-]{4,}");

    private Leaks() {
    }

    /** The forms of {@code secret} found in {@code text}, described; empty when there is none. */
    public static List<String> of(String secret, String text) {
        List<String> found = new ArrayList<>();
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(bytes), HexFormat.of().withUpperCase().formatHex(bytes))) {
            if (text.contains(form)) {
                found.add("\"" + form + "\"");
            }
        }
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            String standard = run.group().replace('-', '+').replace('_', '/');
            for (int shift = 0; shift < 4 && standard.length() - shift >= 4; shift++) {
                if (contains(decoded(standard.substring(shift)), bytes)) {
                    found.add("base64 \"" + run.group() + "\"");
                }
            }
        }
        return found;
    }

    /** The text decoded as unpadded base64; a last lone character, which holds no whole byte, is dropped. */
    private static byte[] decoded(String text) {
        String whole = text.length() % 4 == 1 ? text.substring(0, text.length() - 1) : text;
        try {
            return Base64.getDecoder().decode(whole + "==".substring(0, (4 - whole.length() % 4) % 4));
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

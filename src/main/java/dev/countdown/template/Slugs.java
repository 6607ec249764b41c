package dev.countdown.template;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Short, readable ids made from titles, kept unique by a numeric suffix. */
final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{IsAlphabetic}\\p{IsDigit}]+");
    private static final Pattern ENUMERATOR = Pattern.compile("^(?:[A-Za-z]|\\d{1,3})[.)]\\s+");

    private final Set<String> used = new HashSet<>();
    /** The next suffix to try per slug: a file of 100,000 equal items must not count from 2 each time. */
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    static String slug(String text, int maxLength, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf('-', maxLength);
            slug = trimHyphens(slug.substring(0, cut > maxLength / 2 ? cut : maxLength));
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** "A) Preconditions" and "1. Pre-release gates" name their sections without the enumerator. */
    static String withoutEnumerator(String title) {
        String stripped = ENUMERATOR.matcher(title).replaceFirst("");
        return stripped.isBlank() ? title : stripped;
    }

    String unique(String slug) {
        if (used.add(slug)) {
            return slug;
        }
        int n = nextSuffix.getOrDefault(slug, 2);
        while (!used.add(slug + "-" + n)) {
            n++;
        }
        nextSuffix.put(slug, n + 1);
        return slug + "-" + n;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}

package dev.countdown.manifest;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A manifest value that may hold {@code ${ENV_NAME}} references. It keeps the text as written;
 * references are resolved only by {@link #resolve} at the moment of use, and {@link #toString()}
 * shows the references, never their values, so a manifest can be logged or shown in chat.
 */
public final class SecretString {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String written;

    public SecretString(String written) {
        this.written = written;
    }

    public static SecretString literal(String text) {
        return new SecretString(text);
    }

    /** The environment variables this value reads. */
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        for (int[] reference = next(0); reference != null; reference = next(reference[1])) {
            names.add(written.substring(reference[0] + 2, reference[1] - 1));
        }
        return names;
    }

    public boolean hasReferences() {
        return next(0) != null;
    }

    /**
     * The next {@code ${...}} at or after {@code from}, as its start and end, or null. A scan: the
     * regex {@code \$\{([^}]*)}} retried from every "${" of a long "${${${..." with no "}".
     */
    private int[] next(int from) {
        int start = written.indexOf("${", from);
        int close = start < 0 ? -1 : written.indexOf('}', start + 2);
        return close < 0 ? null : new int[] {start, close + 1};
    }

    /** The first reference whose name is not a valid environment variable name. */
    Optional<String> invalidReference() {
        return references().stream().filter(n -> !NAME.matcher(n).matches()).findFirst();
    }

    /**
     * The value with every reference replaced.
     *
     * @throws MissingSecretException naming the variable (not its value) when one is unset
     */
    public String resolve(Function<String, String> environment) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int[] reference = next(0); reference != null; reference = next(reference[1])) {
            String name = written.substring(reference[0] + 2, reference[1] - 1);
            String value = environment.apply(name);
            if (value == null) {
                throw new MissingSecretException(name);
            }
            out.append(written, copied, reference[0]).append(value);
            copied = reference[1];
        }
        return out.append(written, copied, written.length()).toString();
    }

    /** The text as written in the manifest, references unresolved. */
    public String written() {
        return written;
    }

    @Override
    public String toString() {
        return written;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretString s && s.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    /** An environment variable a manifest refers to is not set where it is used. */
    public static final class MissingSecretException extends RuntimeException {
        private final String variable;

        public MissingSecretException(String variable) {
            super("environment variable " + variable + " is not set");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }
}

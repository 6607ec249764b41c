package dev.countdown.manifest;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A manifest value that may hold {@code ${ENV_NAME}} references. It keeps the text as written;
 * references are resolved only by {@link #resolve} at the moment of use, and {@link #toString()}
 * shows the references, never their values, so a manifest can be logged or shown in chat.
 */
public final class SecretString {

    static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
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
        Matcher m = REFERENCE.matcher(written);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public boolean hasReferences() {
        return REFERENCE.matcher(written).find();
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
        Matcher m = REFERENCE.matcher(written);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                throw new MissingSecretException(m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
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

package dev.countdown.manifest;

import java.util.regex.Pattern;

/**
 * Reads values that may carry {@code ${ENV}} references, checking the references' syntax and
 * warning when a value that should be a secret is written out in the file.
 */
final class SecretReader {

    private static final Pattern URL = Pattern.compile("^(https?://|\\$\\{).*", Pattern.DOTALL);
    /** Found anywhere in a header's name; '.*' around it, under matches(), backtracked on a long name. */
    private static final Pattern SECRET_WORD = Pattern.compile("(?i)token|key|secret|password");

    SecretString read(YamlNode node, String expected) {
        SecretString value = new SecretString(node.text(expected));
        value.invalidReference().ifPresent(name ->
                node.error("'${" + name + "}' is not an environment variable name; expected ${LIKE_THIS}"));
        // a "${" with no "}" after it would be sent as written, not read from the environment
        if (value.written().lastIndexOf("${") > value.written().lastIndexOf('}')) {
            node.error("a '${' is not closed; expected ${ENV_NAME}");
        }
        return value;
    }

    /** A value that must not be written out: a literal is accepted but warned about. */
    SecretString secret(YamlNode node, String expected) {
        SecretString value = read(node, expected);
        if (!value.hasReferences() && !value.written().isEmpty()) {
            node.warning("looks like a secret written in the file; use a ${ENV_NAME} reference instead");
        }
        return value;
    }

    /** A request header; those that carry credentials (Authorization, *-Token, ...) are secrets. */
    SecretString header(String name, YamlNode node) {
        boolean secret = name.equalsIgnoreCase("authorization") || SECRET_WORD.matcher(name).find();
        return secret ? secret(node, "a header value") : read(node, "a header value");
    }

    SecretString url(YamlNode node) {
        SecretString value = read(node, "an http:// or https:// URL");
        if (!value.written().isEmpty() && !URL.matcher(value.written()).matches()) {
            node.error("expected an http:// or https:// URL, got \"" + value.written() + "\"");
        }
        return value;
    }
}

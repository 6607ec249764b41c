package dev.countdown.probe;

import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.SecretString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of results. Requests are shown as written ({@link #shown}); answers and
 * messages, which may echo what was sent (a server that reflects the Authorization header, a
 * driver naming the URL it failed to reach), have every secret value of the probe replaced by its
 * {@code ${NAME}} reference, or by {@code [redacted]} when the secret was written out literally;
 * its escaped, hex and base64 forms too ({@link SecretForms}).
 */
public final class Redactor {

    static final String MASK = "[redacted]";

    /** Values shorter than this are not replaced: masking every "1" or "ab" in a text would garble it. */
    static final int MIN_SECRET_LENGTH = 4;

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)authorization|.*(token|key|secret|password|passwd|pwd|signature|sig|auth).*");
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:]*:)([^@/]+)(@)");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");

    private record Replacement(String value, String shownAs, SecretForms forms) {
        Replacement(String value, String shownAs) {
            this(value, shownAs, SecretForms.of(value));
        }
    }

    private final List<Replacement> replacements;

    private Redactor(List<Replacement> replacements) {
        this.replacements = replacements.stream()
                .sorted(Comparator.comparingInt((Replacement r) -> r.value().length()).reversed())
                .toList();
    }

    /** Every secret a probe may send, resolved now from the environment (unset ones cannot leak). */
    static Redactor of(ProbeSpec spec, Function<String, String> environment) {
        List<Replacement> found = new ArrayList<>();
        for (SecretString secret : secretsOf(spec)) {
            for (String name : secret.references()) {
                String value = safely(environment, name);
                add(found, value, "${" + name + "}");
            }
        }
        literalSecretsOf(spec).forEach(literal -> add(found, literal, MASK));
        return new Redactor(found);
    }

    /**
     * For what is not a probe (a rollback action): every {@code ${NAME}} referenced by {@code sent}
     * resolved now, and {@code literals} (secrets written out in the manifest) masked.
     */
    public static Redactor of(java.util.Collection<SecretString> sent, java.util.Collection<String> literals,
                              Function<String, String> environment) {
        List<Replacement> found = new ArrayList<>();
        for (SecretString secret : sent) {
            for (String name : secret.references()) {
                add(found, safely(environment, name), "${" + name + "}");
            }
        }
        literals.forEach(literal -> add(found, literal, MASK));
        return new Redactor(found);
    }

    public String apply(String text) {
        if (text == null || replacements.isEmpty()) {
            return text;
        }
        String out = text;
        for (Replacement r : replacements) {
            out = r.forms().redact(out, r.shownAs());
        }
        return out;
    }

    Map<String, String> apply(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(apply(k), apply(v)));
        return out;
    }

    Evidence.Answer apply(Evidence.Answer answer) {
        return new Evidence.Answer(answer.status(), apply(answer.headers()), apply(answer.facts()), apply(answer.excerpt()));
    }

    /**
     * A URL or JDBC URL as written, with a literal password in its user info or in a
     * password-like parameter masked; {@code ${ENV}} references are kept, they are not secrets.
     */
    public static String shown(SecretString url) {
        String written = url.written();
        Matcher info = USER_INFO.matcher(written);
        String out = info.find() && !isReference(info.group(2))
                ? written.substring(0, info.start(2)) + MASK + written.substring(info.end(2))
                : written;
        Matcher m = SECRET_PARAMETER.matcher(out);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            boolean hide = SECRET_NAME.matcher(m.group(2)).matches() && !m.group(3).isEmpty() && !isReference(m.group(3));
            m.appendReplacement(masked, Matcher.quoteReplacement(
                    m.group(1) + m.group(2) + "=" + (hide ? MASK : m.group(3))));
        }
        return m.appendTail(masked).toString();
    }

    /** Headers as written; a secret-looking header written out literally is masked. */
    static Map<String, String> shown(Map<String, SecretString> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name,
                SECRET_NAME.matcher(name).matches() && !value.hasReferences() ? MASK : value.written()));
        return out;
    }

    private static boolean isReference(String text) {
        return text.startsWith("${") && text.endsWith("}");
    }

    private static void add(List<Replacement> found, String value, String shownAs) {
        if (value == null || value.length() < MIN_SECRET_LENGTH) {
            return;
        }
        found.add(new Replacement(value, shownAs));
    }

    private static String safely(Function<String, String> environment, String name) {
        try {
            return environment.apply(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<SecretString> urlOf(ProbeSpec spec) {
        return switch (spec) {
            case ProbeSpec.Http h -> Optional.of(h.url());
            case ProbeSpec.Prometheus p -> Optional.of(p.url());
            case ProbeSpec.Sql s -> Optional.of(s.url());
            default -> Optional.empty();
        };
    }

    /** The literal values {@link #shown(SecretString)} masks, so that an echo of them is masked too. */
    private static List<String> literalUrlSecrets(SecretString url) {
        List<String> literals = new ArrayList<>();
        Matcher info = USER_INFO.matcher(url.written());
        if (info.find() && !isReference(info.group(2))) {
            literals.add(info.group(2));
        }
        Matcher m = SECRET_PARAMETER.matcher(url.written());
        while (m.find()) {
            if (SECRET_NAME.matcher(m.group(2)).matches() && !isReference(m.group(3))) {
                literals.add(m.group(3));
            }
        }
        return literals;
    }

    private static List<SecretString> secretsOf(ProbeSpec spec) {
        List<SecretString> all = new ArrayList<>();
        switch (spec) {
            case ProbeSpec.Http h -> {
                all.add(h.url());
                all.addAll(h.headers().values());
            }
            case ProbeSpec.Prometheus p -> {
                all.add(p.url());
                all.addAll(p.headers().values());
            }
            case ProbeSpec.Sql s -> {
                all.add(s.url());
                s.username().ifPresent(all::add);
                s.password().ifPresent(all::add);
            }
            case ProbeSpec.GithubActions g -> g.token().ifPresent(all::add);
            case ProbeSpec.Tls t -> {
                // a host name and a port: nothing secret
            }
        }
        return all;
    }

    /** Secrets written out in the manifest (linted as a warning): masked all the same. */
    private static List<String> literalSecretsOf(ProbeSpec spec) {
        List<String> literals = new ArrayList<>();
        Map<String, SecretString> headers = switch (spec) {
            case ProbeSpec.Http h -> h.headers();
            case ProbeSpec.Prometheus p -> p.headers();
            default -> Map.of();
        };
        headers.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && !value.hasReferences()) {
                literals.add(value.written());
                // "Bearer abc": the credential alone is the secret, and may be echoed alone
                Optional.of(value.written().split(" ", 2)).filter(p -> p.length == 2).ifPresent(p -> literals.add(p[1]));
            }
        });
        urlOf(spec).ifPresent(url -> literals.addAll(literalUrlSecrets(url)));
        if (spec instanceof ProbeSpec.Sql s) {
            s.password().filter(p -> !p.hasReferences()).ifPresent(p -> literals.add(p.written()));
        }
        if (spec instanceof ProbeSpec.GithubActions g) {
            g.token().filter(t -> !t.hasReferences()).ifPresent(t -> literals.add(t.written()));
        }
        return literals;
    }
}

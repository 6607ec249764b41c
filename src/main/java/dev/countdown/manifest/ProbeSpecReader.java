package dev.countdown.manifest;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code probes:} mapping of a manifest, one probe type at a time. */
final class ProbeSpecReader {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> TYPES = Set.of("http", "tls", "prometheus", "sql", "github-actions");
    private static final Set<String> COMMON = Set.of("type", "description", "timeout", "retries", "freshness");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern READ_ONLY_SQL = Pattern.compile("(?is)^\\s*+(select|with|values|show|explain)\\b.*");
    /**
     * Words that write, anywhere in a query: {@code WITH d AS (DELETE ...) SELECT} and
     * {@code EXPLAIN ANALYZE UPDATE} start like reads but write; {@code SELECT ... INTO} creates a
     * table and {@code SELECT ... FOR UPDATE} locks rows.
     */
    private static final Pattern WRITES = Pattern.compile(
            "(?i)\\b(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|into)\\b");

    private final SecretReader secrets;

    ProbeSpecReader(SecretReader secrets) {
        this.secrets = secrets;
    }

    Map<String, ProbeSpec> read(YamlNode probes) {
        Map<String, ProbeSpec> specs = new LinkedHashMap<>();
        probes.entries("a mapping of probe names to probes").forEach((name, node) -> {
            if (!NAME.matcher(name).matches()) {
                node.error("a probe name is lower-case letters, digits, '-' or '_' (at most 63)");
            }
            read(name, node).ifPresent(spec -> specs.put(name, spec));
        });
        return specs;
    }

    private Optional<ProbeSpec> read(String name, YamlNode node) {
        if (!node.isMapping()) {
            node.error("expected a probe: a mapping with a 'type' (" + String.join(", ", sorted(TYPES)) + ")");
            return Optional.empty();
        }
        String type = node.require("type", "one of " + String.join(", ", sorted(TYPES)))
                .text("a probe type").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !TYPES.contains(type)) {
            node.get("type").orElseThrow().error("unknown probe type '" + type + "'; expected one of "
                    + String.join(", ", sorted(TYPES)));
            return Optional.empty();
        }
        ProbeSpec.Settings settings = new ProbeSpec.Settings(name,
                node.string("description", "a text", ""),
                node.duration("timeout", DEFAULT_TIMEOUT),
                node.integer("retries", 0, 0, 5),
                node.get("freshness").map(f -> node.duration("freshness", Duration.ZERO)));
        return switch (type) {
            case "http" -> Optional.of(http(settings, node));
            case "tls" -> Optional.of(tls(settings, node));
            case "prometheus" -> Optional.of(prometheus(settings, node));
            case "sql" -> Optional.of(sql(settings, node));
            case "github-actions" -> Optional.of(githubActions(settings, node));
            default -> Optional.empty();
        };
    }

    private ProbeSpec http(ProbeSpec.Settings settings, YamlNode node) {
        node.expectMapping("an http probe", with("method", "url", "headers", "expect"));
        String method = node.string("method", "an HTTP method", "GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            node.get("method").orElseThrow().error("expected one of " + String.join(", ", sorted(METHODS)));
        }
        SecretString url = secrets.url(node.require("url", "an http:// or https:// URL"));
        YamlNode expect = node.optional("expect");
        expect.expectMapping("the expected answer: a mapping with status, body-contains, json, headers, max-latency",
                Set.of("status", "body-contains", "json", "headers", "max-latency"));
        expect.optional("json").children().forEach((pointer, value) -> jsonPointer(pointer, value));
        List<Integer> status = expect.strings("status", "an HTTP status").stream()
                .map(s -> statusCode(s, expect)).toList();
        return new ProbeSpec.Http(settings, method, url, headers(node), status.isEmpty() ? List.of(200) : status,
                expect.optionalString("body-contains", "a text"),
                plainMap(expect, "json", "a mapping of JSON pointers (/status) to expected values or bounds (\"< 200\")"),
                plainMap(expect, "headers", "a mapping of header names to a pattern, or 'present'"),
                expect.get("max-latency").map(n -> expect.duration("max-latency", Duration.ZERO)));
    }

    private ProbeSpec tls(ProbeSpec.Settings settings, YamlNode node) {
        node.expectMapping("a tls probe", with("host", "port", "min-days-left"));
        String host = node.require("host", "a host name").text("a host name");
        if (host.contains("/") || host.contains(":")) {
            node.get("host").orElseThrow().error("expected a bare host name (no scheme, path or port), got \"" + host + "\"");
        }
        return new ProbeSpec.Tls(settings, host, node.integer("port", 443, 1, 65535),
                node.integer("min-days-left", 14, 0, 3650));
    }

    private ProbeSpec prometheus(ProbeSpec.Settings settings, YamlNode node) {
        node.expectMapping("a prometheus probe", with("url", "query", "expect", "headers"));
        SecretString url = secrets.url(node.require("url", "the Prometheus base URL, e.g. http://prometheus:9090"));
        String query = node.require("query", "a PromQL instant query").text("a PromQL query");
        YamlNode expect = node.require("expect", "a bound such as \"< 0.2\"");
        Comparison bound = comparison(expect);
        return new ProbeSpec.Prometheus(settings, url, query, bound, headers(node));
    }

    private ProbeSpec sql(ProbeSpec.Settings settings, YamlNode node) {
        node.expectMapping("a sql probe", with("url", "username", "password", "query", "expect"));
        YamlNode urlNode = node.require("url", "a JDBC URL (jdbc:postgresql://... or jdbc:h2:...)");
        SecretString url = secrets.read(urlNode, "a JDBC URL");
        if (!url.written().isEmpty() && !url.written().startsWith("jdbc:") && !url.written().startsWith("${")) {
            urlNode.error("expected a JDBC URL starting with jdbc:, got \"" + url.written() + "\"");
        }
        Optional<SecretString> username = node.get("username").map(n -> secrets.read(n, "a user name"));
        Optional<SecretString> password = node.get("password").map(n -> secrets.secret(n, "a password"));
        YamlNode queryNode = node.require("query", "a read-only SELECT");
        String query = queryNode.text("a SQL query");
        String code = SqlText.code(query);
        var writes = WRITES.matcher(code);
        if (!query.isEmpty() && !READ_ONLY_SQL.matcher(query).matches()) {
            queryNode.error("expected a read-only query (SELECT, WITH, VALUES, SHOW or EXPLAIN)");
        } else if (writes.find()) {
            queryNode.error("expected a read-only query; '" + writes.group(1) + "' writes or locks");
        }
        if (code.strip().replaceAll(";\\s*$", "").contains(";")) {
            queryNode.error("expected one statement; found ';' inside the query");
        }
        YamlNode expect = node.require("expect", "rows: N or value: V");
        expect.expectMapping("the expected result: a mapping with rows (a row count) or value", Set.of("rows", "value"));
        OptionalInt rows = expect.get("rows").map(n -> OptionalInt.of(expect.integer("rows", 0, 0, Integer.MAX_VALUE)))
                .orElse(OptionalInt.empty());
        Optional<String> value = expect.optionalString("value", "a value or a bound such as \"< 5\"");
        if (rows.isEmpty() && value.isEmpty() && expect.isMapping()) {
            expect.error("expected 'rows' (a row count) or 'value' (the first column of the first row)");
        }
        return new ProbeSpec.Sql(settings, url, username, password, query, rows, value);
    }

    private ProbeSpec githubActions(ProbeSpec.Settings settings, YamlNode node) {
        node.expectMapping("a github-actions probe",
                with("api-url", "repository", "ref", "workflows", "max-age", "token"));
        String apiUrl = node.string("api-url", "the GitHub API base URL", "https://api.github.com");
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            node.get("api-url").orElseThrow().error("expected an http:// or https:// URL, got \"" + apiUrl + "\"");
        }
        YamlNode repositoryNode = node.require("repository", "owner/name");
        String repository = repositoryNode.text("owner/name");
        if (!repository.isEmpty() && !REPOSITORY.matcher(repository).matches()) {
            repositoryNode.error("expected owner/name, got \"" + repository + "\"");
        }
        List<String> workflows = node.require("workflows", "a list of workflow names").strings("a workflow name");
        return new ProbeSpec.GithubActions(settings, apiUrl, repository,
                node.string("ref", "a ref or tag; {version} stands for the release's version", "{version}"),
                workflows, node.duration("max-age", Duration.ofHours(24)),
                node.get("token").map(n -> secrets.secret(n, "a token")));
    }

    private Map<String, SecretString> headers(YamlNode node) {
        Map<String, SecretString> headers = new LinkedHashMap<>();
        node.get("headers").ifPresent(h -> h.entries("a mapping of header names to values").forEach((name, value) ->
                headers.put(name, secrets.header(name, value))));
        return headers;
    }

    private static Map<String, String> plainMap(YamlNode node, String name, String expected) {
        Map<String, String> values = new LinkedHashMap<>();
        node.get(name).ifPresent(m -> m.entries(expected).forEach((key, value) -> values.put(key, value.text(expected))));
        return values;
    }

    /** The probe would fail on a malformed pointer at every run; say so now. */
    private static void jsonPointer(String pointer, YamlNode value) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            value.error("expected a JSON pointer such as /status or /checks/0/state (starting with '/'), got \""
                    + pointer + "\"");
        }
    }

    private static int statusCode(String text, YamlNode expect) {
        try {
            int code = Integer.parseInt(text);
            if (code >= 100 && code <= 599) {
                return code;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        expect.get("status").orElseThrow().error("expected an HTTP status from 100 to 599, got \"" + text + "\"");
        return 200;
    }

    static Comparison comparison(YamlNode node) {
        String text = node.text("a bound such as \"< 0.2\"");
        Optional<Comparison> bound = Comparison.parse(text);
        if (bound.isEmpty() && !text.isEmpty()) {
            node.error("expected a bound such as \"< 0.2\", \">= 30\" or \"== 0\", got \"" + text + "\"");
        }
        return bound.orElse(new Comparison(Comparison.Operator.EQ, java.math.BigDecimal.ZERO));
    }

    private static Set<String> with(String... fields) {
        java.util.HashSet<String> all = new java.util.HashSet<>(COMMON);
        all.addAll(List.of(fields));
        return all;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}

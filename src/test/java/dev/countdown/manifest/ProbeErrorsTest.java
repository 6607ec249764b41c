package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static dev.countdown.manifest.Fixtures.errors;
import static dev.countdown.manifest.Fixtures.hasError;
import static dev.countdown.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probe definitions that cannot run as written. */
class ProbeErrorsTest {

    @TempDir
    Path dir;

    private static String probe(String body) {
        return MINIMAL + "probes:\n  check:\n" + body.indent(4);
    }

    @Test
    void unknownProbeType() {
        String yaml = probe("type: ping\nhost: example.com\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "type: ping")
                + ": probes.check.type: unknown probe type 'ping';"
                + " expected one of github-actions, http, prometheus, sql, tls");
    }

    @Test
    void probeWithoutType() {
        String yaml = probe("url: https://example.com\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "check:")
                + ": probes.check.type: missing; expected one of github-actions, http, prometheus, sql, tls");
    }

    @Test
    void bindingToAProbeWithAnUnknownTypeIsNotReportedAsMissing() {
        String yaml = probe("type: ping\n") + "bindings:\n  check: [deploy.ci-green]\n";

        assertThat(errors(dir, yaml)).singleElement().asString().contains("unknown probe type 'ping'");
    }

    @Test
    void httpProbeWithoutUrl() {
        String yaml = probe("type: http\nexpect: {status: 200}\n");

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "check:") + ": probes.check.url: missing; expected an http:// or https:// URL");
    }

    @Test
    void httpProbeWithAUrlThatIsNotHttp() {
        String yaml = probe("type: http\nurl: ftp://example.com\n");

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "url:") + ": probes.check.url: expected an http:// or https:// URL, got \"ftp://example.com\"");
    }

    @Test
    void httpProbeWithBadMethodAndStatus() {
        String yaml = probe("type: http\nmethod: FETCH\nurl: https://example.com\nexpect:\n  status: [200, 999, ok]\n");

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "FETCH"), "probes.check.method", "expected one of DELETE, GET, HEAD");
        hasError(errors, lineOf(yaml, "status:"), "probes.check.expect.status",
                "expected an HTTP status from 100 to 599, got \"999\"");
        hasError(errors, lineOf(yaml, "status:"), "probes.check.expect.status", "got \"ok\"");
        assertThat(errors).hasSize(3);
    }

    @Test
    void expectWrittenAsJsonTextInsteadOfAMapping() {
        String yaml = probe("type: http\nurl: https://example.com\nexpect: '{\"status\": 200'\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "expect:") + ": probes.check.expect: expected the"
                + " expected answer: a mapping with status, body-contains, json, headers, max-latency,"
                + " got \"{\"status\": 200\"");
    }

    @Test
    void expectJsonThatIsNotAMappingOfPointers() {
        String yaml = probe("type: http\nurl: https://example.com\nexpect:\n  json: '{\"status\": \"up\"}'\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "json:") + ": probes.check.expect.json: expected"
                + " a mapping of JSON pointers (/status) to expected values or bounds (\"< 200\"),"
                + " got \"{\"status\": \"up\"}\"");
    }

    @Test
    void expectJsonKeyThatIsNotAPointer() {
        String yaml = probe("type: http\nurl: https://example.com\nexpect:\n  json:\n    /ok: true\n    status: up\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "status: up") + ": probes.check.expect.json.status:"
                + " expected a JSON pointer such as /status or /checks/0/state (starting with '/'), got \"status\"");
    }

    @Test
    void expectWithUnknownField() {
        String yaml = probe("type: http\nurl: https://example.com\nexpect:\n  statuss: 200\n");

        hasError(errors(dir, yaml), lineOf(yaml, "statuss"), "probes.check.expect.statuss",
                "unknown field (did you mean 'status'?)");
    }

    @Test
    void fieldOfAnotherProbeType() {
        String yaml = probe("type: tls\nhost: example.com\nquery: up\n");

        hasError(errors(dir, yaml), lineOf(yaml, "query:"), "probes.check.query", "unknown field");
    }

    @Test
    void tlsHostWithSchemeOrPort() {
        String yaml = probe("type: tls\nhost: https://example.com:443\nport: 70000\n");

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "host:"), "probes.check.host", "expected a bare host name (no scheme, path or port)");
        hasError(errors, lineOf(yaml, "port:"), "probes.check.port", "expected a whole number from 1 to 65535, got 70000");
    }

    @Test
    void prometheusExpectThatIsNotABound() {
        String yaml = probe("type: prometheus\nurl: http://prometheus:9090\nquery: up\nexpect: low\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "expect:")
                + ": probes.check.expect: expected a bound such as \"< 0.2\", \">= 30\" or \"== 0\", got \"low\"");
    }

    @Test
    void sqlProbeThatUpdates() {
        String yaml = probe("type: sql\nurl: jdbc:h2:mem:x\nquery: UPDATE releases SET state = 'go'\nexpect: {rows: 1}\n");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "query:")
                + ": probes.check.query: expected a read-only query (SELECT, WITH, VALUES, SHOW or EXPLAIN)");
    }

    @Test
    void sqlProbeWithTwoStatements() {
        String yaml = probe("type: sql\nurl: jdbc:h2:mem:x\nquery: SELECT 1; SELECT 2\nexpect: {value: '1'}\n");

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "query:") + ": probes.check.query: expected one statement; found ';' inside the query");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "WITH gone AS (DELETE FROM sessions RETURNING *) SELECT count(*) FROM gone",
            "EXPLAIN ANALYZE UPDATE releases SET state = 'go'",
            "SELECT * INTO backup_copy FROM releases",
            "SELECT * FROM releases FOR UPDATE"})
    void sqlProbeThatStartsLikeAReadButWrites(String query) {
        String yaml = probe("type: sql\nurl: jdbc:h2:mem:x\nquery: \"" + query + "\"\nexpect: {rows: 1}\n");

        hasError(errors(dir, yaml), lineOf(yaml, "query:"), "probes.check.query", "expected a read-only query;");
    }

    @Test
    void sqlWordsAndSemicolonsInLiteralsAndCommentsAreNotStatements() throws SourceException {
        String query = "SELECT count(*) FROM audit WHERE note = 'update; delete' AND last_update > now() -- drop;";
        String yaml = probe("type: sql\nurl: jdbc:h2:mem:x\nquery: \"" + query + "\"\nexpect: {rows: 1}\n");

        ProbeSpec.Sql sql = (ProbeSpec.Sql) Fixtures.read(dir, yaml).manifest().probe("check").orElseThrow();

        assertThat(sql.query()).isEqualTo(query);
    }

    @Test
    void sqlQueryWithAHugeStringLiteralIsReadWithoutOverflowingTheStack() throws SourceException {
        String query = "SELECT count(*) FROM t WHERE a = '" + "x".repeat(100_000) + "'";
        String yaml = probe("type: sql\nurl: jdbc:h2:mem:x\nquery: \"" + query + "\"\nexpect: {rows: 1}\n");

        assertThat(Fixtures.read(dir, yaml).manifest().probe("check")).isPresent();
    }

    @Test
    void sqlProbeWithoutExpectationOrJdbcUrl() {
        String yaml = probe("type: sql\nurl: postgres://db/app\nquery: SELECT 1\nexpect: {}\n");

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "url:"), "probes.check.url", "expected a JDBC URL starting with jdbc:");
        hasError(errors, lineOf(yaml, "expect:"), "probes.check.expect", "expected 'rows' (a row count) or 'value'");
    }

    @Test
    void githubActionsProbeWithBadRepository() {
        String yaml = probe("type: github-actions\nrepository: portal-api\n");

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "repository:"), "probes.check.repository", "expected owner/name, got \"portal-api\"");
        hasError(errors, lineOf(yaml, "check:"), "probes.check.workflows", "missing; expected a list of workflow names");
    }

    @Test
    void retriesAndTimeoutOutOfRange() {
        String yaml = probe("type: tls\nhost: example.com\nretries: 9\ntimeout: 10\n");

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "retries:"), "probes.check.retries", "expected a whole number from 0 to 5, got 9");
        hasError(errors, lineOf(yaml, "timeout:"), "probes.check.timeout", "expected a duration", "got 10");
    }

    @Test
    void probeNameWithCapitals() {
        String yaml = MINIMAL + "probes:\n  Health:\n    type: tls\n    host: example.com\n";

        hasError(errors(dir, yaml), lineOf(yaml, "Health:"), "probes.Health",
                "a probe name is lower-case letters, digits, '-' or '_'");
    }
}

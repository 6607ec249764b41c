package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.SecretString;
import dev.countdown.probe.ProbeResult.Outcome;
import dev.countdown.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same probes on H2 in memory and on the embedded PostgreSQL the service's tests use. */
class SqlProbeTest {

    private static final AtomicInteger H2 = new AtomicInteger();
    private static final String BACKUP_VERIFIED = "SELECT count(*) FROM backup_runs WHERE restore_verified";
    private static String postgres;
    private static ProbeRunner runner;

    @BeforeAll
    static void databases() throws Exception {
        postgres = TestPostgres.newDatabase().get("datasources.default.url");
        setUp(postgres, "postgres");
        try (Connection c = DriverManager.getConnection(postgres, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE probe_reader_x9 LOGIN PASSWORD 'pg-s3cret-value-77'");
            s.execute("GRANT SELECT ON backup_runs TO probe_reader_x9");
        }
        runner = Runners.with(Map.of("DB_USER", "probe_reader_x9", "DB_PASSWORD", "pg-s3cret-value-77",
                "DB_URL", postgres.replace("user=postgres", "password=pg-s3cret-value-77")));
    }

    @AfterAll
    static void close() {
        runner.close();
    }

    private static String h2() throws Exception {
        String url = "jdbc:h2:mem:probe" + H2.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        setUp(url, "sa");
        return url;
    }

    private static void setUp(String url, String user) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE backup_runs (id INT PRIMARY KEY, taken_at TIMESTAMP, restore_verified BOOLEAN)");
            s.execute("INSERT INTO backup_runs VALUES (1, CURRENT_TIMESTAMP, TRUE), (2, CURRENT_TIMESTAMP, FALSE)");
        }
    }

    /** H2's user is written in the probe; the PostgreSQL URL names its user itself. */
    private static ProbeSpec.Sql sql(String url, String query, OptionalInt rows, Optional<String> value) {
        return new ProbeSpec.Sql(Specs.settings("backup"), new SecretString(url),
                url.startsWith("jdbc:h2:") ? Optional.of(new SecretString("sa")) : Optional.empty(), Optional.empty(),
                query, rows, value);
    }

    @Test
    void aFirstValueMeetingItsBoundPassesOnBothDatabases() throws Exception {
        for (String url : new String[] {h2(), postgres}) {
            ProbeResult result = runner.run(sql(url, BACKUP_VERIFIED, OptionalInt.empty(), Optional.of(">= 1")), Optional.empty());

            assertThat(result.outcome()).as(url).isEqualTo(Outcome.PASS);
            assertThat(result.summary()).isEqualTo("first value 1 meets >= 1");
            assertThat(result.evidence().asked().query()).hasValue(BACKUP_VERIFIED);
            assertThat(result.evidence().answer().orElseThrow().facts()).containsEntry("rows", "1").containsEntry("first-value", "1");
        }
    }

    @Test
    void rowCountsAndTextValuesAreCompared() throws Exception {
        String url = h2();
        ProbeResult rows = runner.run(sql(url, "SELECT id FROM backup_runs", OptionalInt.of(3), Optional.empty()), Optional.empty());
        ProbeResult text = runner.run(sql(url, "SELECT 'ok'", OptionalInt.empty(), Optional.of("ok")), Optional.empty());
        ProbeResult both = runner.run(sql(url, "SELECT restore_verified FROM backup_runs ORDER BY id", OptionalInt.of(2),
                Optional.of("true")), Optional.empty());

        assertThat(rows.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(rows.summary()).isEqualTo("2 rows, need 3");
        assertThat(rows.evidence().answer().orElseThrow().excerpt()).isEqualTo("ID\n1\n2");
        assertThat(text.outcome()).isEqualTo(Outcome.PASS);
        assertThat(text.summary()).isEqualTo("first value \"ok\"");
        assertThat(both.outcome()).isEqualTo(Outcome.PASS);
        assertThat(both.summary()).isEqualTo("2 rows, first value \"true\"");
    }

    @Test
    void aValueFailingItsBoundOrNoRowsFails() throws Exception {
        String url = h2();
        ProbeResult low = runner.run(sql(url, "SELECT count(*) FROM backup_runs WHERE id > 1 AND restore_verified",
                OptionalInt.empty(), Optional.of(">= 1")), Optional.empty());
        ProbeResult none = runner.run(sql(url, "SELECT id FROM backup_runs WHERE id > 9", OptionalInt.empty(),
                Optional.of(">= 1")), Optional.empty());

        assertThat(low.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(low.summary()).isEqualTo("first value 0 < bound 1 (need >= 1)");
        assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(none.summary()).isEqualTo("no rows; need a first value >= 1");
    }

    @Test
    void postgresRefusesAWriteHiddenInASelect() throws Exception {
        ProbeResult result = runner.run(sql(postgres,
                "WITH gone AS (DELETE FROM backup_runs RETURNING id) SELECT count(*) FROM gone",
                OptionalInt.empty(), Optional.of("== 0")), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).contains("read-only transaction");
        try (Connection c = DriverManager.getConnection(postgres, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM backup_runs")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aSlowQueryTimesOut() {
        ProbeSpec.Sql slow = new ProbeSpec.Sql(Specs.settings("slow", Duration.ofMillis(500), 0), new SecretString(postgres),
                Optional.empty(), Optional.empty(), "SELECT pg_sleep(5)", OptionalInt.of(1), Optional.empty());
        long start = System.nanoTime();

        ProbeResult result = runner.run(slow, Optional.empty());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).startsWith("timed out after 500ms");
    }

    @Test
    void badQueriesUnreachableDatabasesAndUnknownDriversAreErrors() throws Exception {
        int port = TestServers.closedPort();
        ProbeResult syntax = runner.run(sql(h2(), "SELECT nope FROM nowhere", OptionalInt.of(1), Optional.empty()), Optional.empty());
        ProbeResult closed = runner.run(sql("jdbc:postgresql://127.0.0.1:" + port + "/x", "SELECT 1", OptionalInt.of(1),
                Optional.empty()), Optional.empty());
        ProbeResult driver = runner.run(sql("jdbc:nosuchdb://127.0.0.1/x", "SELECT 1", OptionalInt.of(1), Optional.empty()),
                Optional.empty());

        assertThat(syntax.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(syntax.summary()).startsWith("the query failed: ").contains("NOWHERE");
        assertThat(closed.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(closed.summary()).startsWith("could not connect to the database: ").contains("refused");
        assertThat(driver.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(driver.summary()).isEqualTo("no JDBC driver for this url; PostgreSQL and H2 are shipped");
    }

    @Test
    void credentialsComeFromTheEnvironmentAndAnEchoOfThemIsRedacted() {
        ProbeSpec.Sql spec = new ProbeSpec.Sql(Specs.settings("backup"), new SecretString("${DB_URL}"),
                Optional.of(new SecretString("${DB_USER}")), Optional.of(new SecretString("${DB_PASSWORD}")),
                "SELECT current_user, count(*) FROM backup_runs", OptionalInt.of(1), Optional.of("probe_reader_x9"));

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.summary()).isEqualTo("1 row, first value \"${DB_USER}\"");
        assertThat(result.evidence().asked().target()).isEqualTo("${DB_URL}");
        assertThat(result.evidence().answer().orElseThrow().excerpt()).isEqualTo("current_user | count\n${DB_USER} | 2");
        assertThat(result.toString()).doesNotContain("pg-s3cret-value-77").doesNotContain("probe_reader_x9");
    }
}

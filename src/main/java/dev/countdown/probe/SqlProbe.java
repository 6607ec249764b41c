package dev.countdown.probe;

import dev.countdown.manifest.Comparison;
import dev.countdown.manifest.ProbeSpec;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * One read-only query over JDBC; its row count or first value is checked. The manifest reader
 * already admits only a single SELECT-like statement; here the connection is also read-only and
 * the work runs in a transaction that is rolled back, because PostgreSQL enforces read-only only
 * inside a transaction and a {@code WITH … DELETE} is still a SELECT to the eye.
 */
final class SqlProbe implements Probe {

    /** Rows rendered into the evidence excerpt. */
    private static final int SHOWN_ROWS = 5;

    private final ProbeSpec.Sql spec;

    SqlProbe(ProbeSpec.Sql spec) {
        this.spec = spec;
    }

    @Override
    public Evidence.Asked asked(AttemptContext context) {
        return new Evidence.Asked("SQL query", Redactor.shown(spec.url()), Map.of(), Optional.of(spec.query()));
    }

    @Override
    public Finding attempt(AttemptContext context) {
        String url = spec.url().resolve(context.environment());
        int seconds = (int) Math.max(1, (context.timeout().toMillis() + 999) / 1000);
        Properties properties = new Properties();
        spec.username().ifPresent(u -> properties.setProperty("user", u.resolve(context.environment())));
        spec.password().ifPresent(p -> properties.setProperty("password", p.resolve(context.environment())));
        if (url.startsWith("jdbc:postgresql:")) {
            // the driver's own bounds, so a dead server frees the thread even without the runner's interrupt
            properties.setProperty("connectTimeout", String.valueOf(seconds));
            properties.setProperty("loginTimeout", String.valueOf(seconds));
            properties.setProperty("socketTimeout", String.valueOf(seconds + 1));
            properties.setProperty("ApplicationName", "countdown-probe");
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(seconds);
                try (ResultSet rows = statement.executeQuery(spec.query())) {
                    return judge(rows);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLTimeoutException e) {
            return Finding.error("timed out after " + Durations.human(context.timeout()) + " running the query");
        } catch (SQLException e) {
            return failed(e);
        }
    }

    private Finding judge(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        StringBuilder excerpt = new StringBuilder(String.join(" | ", columns));
        int count = 0;
        Object first = null;
        while (rows.next()) {
            if (count == 0) {
                first = rows.getObject(1);
            }
            if (count < SHOWN_ROWS) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    cells.add(String.valueOf(rows.getObject(i)));
                }
                excerpt.append('\n').append(String.join(" | ", cells));
            }
            count++;
        }
        if (count > SHOWN_ROWS) {
            excerpt.append("\n… ").append(count - SHOWN_ROWS).append(" more rows");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("rows", String.valueOf(count));
        if (count > 0) {
            facts.put("first-value", String.valueOf(first));
        }
        Evidence.Answer answer = new Evidence.Answer(OptionalInt.empty(), Map.of(), facts, excerpt.toString());

        List<String> problems = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        String rowText = count == 1 ? "1 row" : count + " rows";
        if (spec.expectRows().isPresent()) {
            int expected = spec.expectRows().getAsInt();
            (count == expected ? passed : problems).add(rowText + (count == expected ? "" : ", need " + expected));
        }
        if (spec.expectValue().isPresent()) {
            String expected = spec.expectValue().get();
            Optional<String> problem = valueProblem(expected, first, count);
            if (problem.isEmpty()) {
                passed.add("first value " + describe(expected, first));
            } else {
                problems.add(problem.get());
            }
        }
        if (problems.isEmpty()) {
            return Finding.pass(String.join(", ", passed), answer);
        }
        return Finding.fail(String.join("; ", problems), answer);
    }

    private static Optional<String> valueProblem(String expected, Object first, int count) {
        Optional<Comparison> bound = Comparison.parse(expected);
        if (count == 0) {
            return Optional.of("no rows; need a first value " + bound.map(Comparison::toString).orElse("\"" + expected + "\""));
        }
        if (bound.isPresent()) {
            Optional<BigDecimal> value = number(first);
            if (value.isEmpty()) {
                return Optional.of("first value " + quoted(first) + " is not a number; need " + bound.get());
            }
            return bound.get().test(value.get()) ? Optional.empty()
                    : Optional.of("first value " + Bounds.describe(value.get(), bound.get()));
        }
        return String.valueOf(first).equals(expected) ? Optional.empty()
                : Optional.of("first value is " + quoted(first) + ", expected \"" + expected + "\"");
    }

    private static String describe(String expected, Object first) {
        Optional<Comparison> bound = Comparison.parse(expected);
        return bound.isPresent() ? Bounds.describe(number(first).orElseThrow(), bound.get()) : quoted(first);
    }

    private static Optional<BigDecimal> number(Object value) {
        return value instanceof BigDecimal d ? Optional.of(d) : Bounds.number(value == null ? null : value.toString());
    }

    private static String quoted(Object value) {
        return value == null ? "NULL" : value instanceof Number ? value.toString() : "\"" + value + "\"";
    }

    /** SQLState classes say whose fault it is: 08 the network, 28 the login, 42 and 25 the query. */
    private static Finding failed(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = Unreachable.oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (message.startsWith("No suitable driver")) {
            // DriverManager's message ends with the resolved URL: do not repeat it
            return Finding.misconfigured("no JDBC driver for this url; PostgreSQL and H2 are shipped");
        }
        if (state.startsWith("08")) {
            return Finding.error("could not connect to the database: " + message);
        }
        if (state.startsWith("28")) {
            return Finding.misconfigured("the database refused the login: " + message);
        }
        if (state.equals("25006") || state.startsWith("42") || state.equals("0A000")) {
            return Finding.misconfigured("the query failed: " + message);
        }
        if (state.equals("57014")) {
            return Finding.error("the query was cancelled (timeout): " + message);
        }
        return Finding.error("the query failed: " + message);
    }
}

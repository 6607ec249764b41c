package dev.countdown.web;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One page of the releases table, filtered and counted by the database: the list never loads
 * every release. The SQL is what H2 (in PostgreSQL mode) and PostgreSQL share.
 */
@Singleton
class ReleaseListing {

    /** Blank fields filter nothing; {@code state} is a stored state name (OPEN, NO_GO, ...). */
    record Filter(String service, String state, String version) {
    }

    /** The ids of one page, newest first, and how many releases the filter matches in all. */
    record Found(List<String> ids, long total) {
    }

    private final DataSource dataSource;

    ReleaseListing(DataSource dataSource, DataSourceResolver resolver) {
        // The injected one hands out only the current transaction's connection; a page is read in none.
        this.dataSource = resolver.resolve(dataSource);
    }

    Found page(Filter filter, int offset, int size) {
        List<String> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!filter.service().isBlank()) {
            where.append(" AND \"service\" = ?");
            args.add(filter.service());
        }
        if (!filter.state().isBlank()) {
            where.append(" AND \"state\" = ?");
            args.add(filter.state());
        }
        if (!filter.version().isBlank()) {
            where.append(" AND LOWER(\"version\") LIKE ? ESCAPE '!'");
            args.add("%" + filter.version().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(c, "SELECT COUNT(*) FROM \"releases\"" + where, args);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = prepare(c, "SELECT \"id\" FROM \"releases\"" + where
                    + " ORDER BY \"created_at\" DESC, \"id\" DESC LIMIT " + size + " OFFSET " + offset, args);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return new Found(ids, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list releases: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<String> args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int k = 0; k < args.size(); k++) {
            statement.setString(k + 1, args.get(k));
        }
        statement.setQueryTimeout(10);
        return statement;
    }
}

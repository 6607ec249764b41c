package dev.countdown.store;

import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /health} as the store sees it: UP only when Countdown's own tables answer the way its
 * queries name them. A database that merely accepts connections (tables created under other
 * names, say) is DOWN, so a load balancer stops sending users to a service that would fail them.
 * Replaces Micronaut's JDBC indicator, whose details would show the connection URL. The answer
 * is a bare status, as anyone may ask for it; why the store is down goes to the log, once each
 * time it goes down, and its recovery too.
 */
@Singleton
class StoreHealthIndicator implements HealthIndicator {

    static final String NAME = "store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealthIndicator.class);

    private final DataSource dataSource;
    private final AtomicReference<HealthStatus> last = new AtomicReference<>(HealthStatus.UP);

    StoreHealthIndicator(DataSource dataSource, DataSourceResolver resolver) {
        // The injected one hands out only the current transaction's connection; health checks run in none.
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            DatabaseMetaData meta = connection.getMetaData();
            details.put("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            statement.setQueryTimeout(5);
            // Quoted, as Micronaut Data names tables: an H2 URL without DATABASE_TO_LOWER fails here.
            statement.executeQuery("SELECT \"id\" FROM \"releases\" WHERE 1 = 0").close();
            details.put("schema", "ok");
            if (last.getAndSet(HealthStatus.UP) != HealthStatus.UP) {
                LOG.info("The store is up again: {}", details.get("database"));
            }
            return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
        } catch (SQLException | RuntimeException e) {
            details.put("error", firstLine(e.getMessage()));
            if (last.getAndSet(HealthStatus.DOWN) != HealthStatus.DOWN) {
                LOG.warn("The store is down, /health answers 503: {}", details.get("error"));
            }
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the database did not answer";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

package dev.countdown.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How Countdown connects, seen from outside: the URL a person writes works, a wrong one stops the start. */
class StoreSettingsTest {

    @Test
    void aPlainH2UrlWorksAndHealthReportsTheStore() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings(Map.of(
                "datasources.default.url", "jdbc:h2:mem:plain" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")))) {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);

            ApiClient.Response health = api.get("/health");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(api.get("/api/releases").status()).isEqualTo(200);
            ListAppender<ILoggingEvent> log = new ListAppender<>();
            log.start();
            ((Logger) LoggerFactory.getLogger(StoreHealthIndicator.class)).addAppender(log);
            ((Logger) LoggerFactory.getLogger(StoreHealthIndicator.class)).setLevel(ch.qos.logback.classic.Level.INFO);

            DataSource dataSource = server.getApplicationContext().getBean(DataSourceResolver.class)
                    .resolve(server.getApplicationContext().getBean(DataSource.class));
            try (Connection c = dataSource.getConnection();
                 Statement s = c.createStatement()) {
                s.execute("ALTER TABLE releases RENAME TO releases_gone");
            }
            ApiClient.Response down = api.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
            api.get("/health");
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE releases_gone RENAME TO releases");
            }
            assertThat(api.get("/health").status()).isEqualTo(200);
            ((Logger) LoggerFactory.getLogger(StoreHealthIndicator.class)).detachAppender(log);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                    warn -> assertThat(warn).startsWith("The store is down, /health answers 503: ").containsIgnoringCase("releases"),
                    info -> assertThat(info).startsWith("The store is up again: H2 "));
        }
    }

    @Test
    void aPostgresUrlFindsItsDriverWhenNoneIsNamed() {
        Map<String, String> postgres = new HashMap<>(TestPostgres.newDatabase());
        postgres.remove("datasources.default.driver-class-name");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings(postgres))) {
            ApiClient.Response health = new ApiClient(server.getURI(), null).get("/health");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(server.getApplicationContext().getBean(DataSourceResolver.class)
                    .resolve(server.getApplicationContext().getBean(DataSource.class)))
                    .extracting(d -> ((com.zaxxer.hikari.HikariDataSource) d).getDriverClassName())
                    .isEqualTo("org.postgresql.Driver");
        }
    }

    @Test
    void aPostgresUrlWithTheH2DriverStopsTheStartSayingWhatToChange() {
        Map<String, String> postgres = new HashMap<>(TestPostgres.newDatabase());
        postgres.remove("datasources.default.driver-class-name");
        postgres.put("countdown.db.driver", "org.h2.Driver");
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, settings(postgres)).close())
                .hasStackTraceContaining("COUNTDOWN_DB_DRIVER (countdown.db.driver) is org.h2.Driver "
                        + "but the URL is a jdbc:postgresql: URL, which needs org.postgresql.Driver");
    }

    @Test
    void anH2UrlThatContradictsCountdownsOptionsStopsTheStart() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, settings(Map.of(
                "datasources.default.url", "jdbc:h2:mem:mysql;MODE=MySQL"))).close())
                .hasStackTraceContaining("sets MODE=MySQL (Countdown needs MODE=PostgreSQL)");
    }

    private static Map<String, Object> settings(Map<String, String> database) {
        Map<String, String> h2 = new HashMap<>(TestPostgres.newH2Database());
        h2.remove("datasources.default.driver-class-name");
        h2.putAll(database);
        return new HashMap<>(CountdownTestProperties.with(h2));
    }
}

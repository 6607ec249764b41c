package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A release whose row counts fewer events than its trail holds (a write half committed) is named
 * at the next start, loudly and in a metric; a store that agrees with itself says nothing.
 */
class TrailConsistencyCheckTest {

    @Test
    void aRowBehindItsTrailIsNamedAtTheNextStart() throws Exception {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.chat.initial-delay", "1h");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(TrailConsistencyCheck.class);
        logger.addAppender(log);
        try {
            String healthy;
            String broken;
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                ReleaseService releases = context.getBean(ReleaseService.class);
                healthy = start(releases, "v1.0.0");
                broken = start(releases, "v2.0.0");
                releases.handle(new CommandRequest(new Command.AddNote(broken, "checks.everyone-agrees", "one"),
                        owner(), "note-1"));
                assertThat(context.getBean(TrailConsistencyCheck.class).check()).isEmpty();
            }
            assertThat(errors(log)).isEmpty();

            try (Connection db = DriverManager.getConnection(properties.get("datasources.default.url").toString(), "sa", "");
                 Statement sql = db.createStatement()) {
                sql.executeUpdate("UPDATE releases SET event_count = event_count - 1 WHERE id = '" + broken + "'");
            }

            try (ApplicationContext context = ApplicationContext.run(properties)) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (errors(log).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(errors(log)).singleElement().asString()
                        .contains("1 release(s) disagree with their own audit trail: " + broken + ".")
                        .contains("evidence verify")
                        .doesNotContain(healthy);
                assertThat(context.getBean(MeterRegistry.class).get("countdown.releases.inconsistent").gauge().value())
                        .isEqualTo(1.0);
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    private static List<String> errors(ListAppender<ILoggingEvent> log) {
        return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String start(ReleaseService releases, String version) {
        CommandResult result = releases.handle(new CommandRequest(new Command.Start("crowd", version), owner(), "start-" + version));
        return ((CommandResult.Applied) result).release().id();
    }

    private static Actor owner() {
        return new Actor(IdentitySource.SLACK, "U0CROWD1", "Owner 1", Set.of("S0CROWD01"));
    }
}

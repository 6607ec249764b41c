package dev.countdown.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What start-up warns about: reads open on a reachable address, the playground turned on. The
 * context starts without its HTTP server, so nothing listens on the address named.
 */
class StartupWarningsTest {

    @Test
    void openReadsOnAReachableAddressAndThePlaygroundTurnedOnAreWarnedOfOnce() {
        List<String> warned = warnings(Map.of("micronaut.server.host", "0.0.0.0", "countdown.playground.enabled", "on"));
        assertThat(warned).hasSize(2);
        assertThat(warned).filteredOn(w -> w.contains("reads are open")).singleElement().asString()
                .contains("0.0.0.0", "set COUNTDOWN_READ_TOKEN");
        assertThat(warned).filteredOn(w -> w.contains("playground")).singleElement().asString()
                .contains("the playground is on: anyone who can reach this port can act in playground releases");

        assertThat(warnings(Map.of("micronaut.server.host", "0.0.0.0", "countdown.api.read-token", "read-token")))
                .as("a read token, the playground on auto").isEmpty();
    }

    @Test
    void loopbackIsKnownByNameOrAddressAndAnyOtherNameCountsAsReachable() {
        assertThat(List.of("localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "LOCALHOST"))
                .allMatch(ReadAccess::loopback);
        assertThat(List.of("", "0.0.0.0", "::", "10.0.0.5", "countdown.example.internal", "[::]"))
                .noneMatch(ReadAccess::loopback);
    }

    private static List<String> warnings(Map<String, String> extra) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(ReadAccess.class),
                (Logger) LoggerFactory.getLogger(PlaygroundSettings.class));
        loggers.forEach(l -> l.addAppender(appender));
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.chat.initial-delay", "1h");
        properties.putAll(extra);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            // The metrics refresh at once on their own thread: let the store be ready before the context closes.
            context.getBean(ReleaseService.class).countByState();
            return appender.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                    .toList();
        } finally {
            loggers.forEach(l -> l.detachAppender(appender));
        }
    }
}

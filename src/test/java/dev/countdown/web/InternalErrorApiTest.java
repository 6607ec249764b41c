package dev.countdown.web;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.countdown.support.ApiClient;
import dev.countdown.support.ApiClient.Response;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A failure nobody planned for (here: a column the code does not fill, as a bad migration would
 * add) answers a 500 with a reference and nothing of the exception; the log has the rest.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalErrorApiTest implements TestPropertyProvider {

    private static final Pattern ANSWER = Pattern.compile("Internal error \\(reference ([0-9A-F]{8})\\); see the server log");
    private final Map<String, String> database = TestPostgres.newH2Database();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.with(database);
    }

    @Test
    void anUnexpectedFailureAnswersAReferenceAndTheLogKeepsTheStackTrace() throws Exception {
        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(InternalErrorHandler.class);
        logger.addAppender(log);
        sql("ALTER TABLE audit_event ADD COLUMN forgotten VARCHAR(10) NOT NULL");
        try {
            Response failed = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v1.0.0\",\"actor\":"
                    + actor("slack", "U0RM00001") + "}");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("status").asInt()).isEqualTo(500);
            Matcher answer = ANSWER.matcher(failed.json().get("error").asText());
            assertThat(answer.matches()).as(failed.body()).isTrue();
            assertThat(failed.body()).doesNotContainIgnoringCase("forgotten").doesNotContainIgnoringCase("audit_event")
                    .doesNotContainIgnoringCase("null not allowed");

            assertThat(log.list).hasSize(1);
            ILoggingEvent logged = log.list.getFirst();
            assertThat(logged.getFormattedMessage()).contains("reference " + answer.group(1), "POST /api/releases");
            assertThat(logged.getThrowableProxy()).as("the stack trace is logged").isNotNull();
            assertThat(causes(logged)).containsIgnoringCase("forgotten");
            assertThat(api.get("/api/releases").json()).as("nothing half-written").isEmpty();
        } finally {
            logger.detachAppender(log);
            sql("ALTER TABLE audit_event DROP COLUMN forgotten");
        }
    }

    private static String causes(ILoggingEvent event) {
        StringBuilder messages = new StringBuilder();
        for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.get("datasources.default.url"), "sa", "")) {
            c.createStatement().execute(statement);
        }
    }
}

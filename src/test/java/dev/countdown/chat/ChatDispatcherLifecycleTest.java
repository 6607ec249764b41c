package dev.countdown.chat;

import static dev.countdown.support.ApiClient.actor;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.MutableClock;
import dev.countdown.support.ServiceFixture;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The outbox poll across a shutdown and across a database outage: what the log says. */
class ChatDispatcherLifecycleTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger dispatcherLog = (Logger) LoggerFactory.getLogger(ChatDispatcher.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level dispatcherLevel;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        log.start();
        root.addAppender(log);
        dispatcherLevel = dispatcherLog.getLevel();
        dispatcherLog.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
        dispatcherLog.setLevel(dispatcherLevel);
    }

    @Test
    void stoppingWhileAPollDeliversWaitsForItAndLogsNoError() throws Exception {
        Map<String, Object> properties = properties();
        properties.put("test.chat-delivery", "held");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        ApplicationContext context = server.getApplicationContext();
        try {
            ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
            String id = api.post("/api/releases", "{\"service\":\"web\",\"version\":\"v1.0.0\",\"actor\":"
                    + actor("slack", "U0RM00001") + "}").json().at("/release/id").asText();
            String entry = ChatThread.idOf(HeldDelivery.PLATFORM, id);
            context.getBean(ChatRepositories.Threads.class).save(new ChatThread(entry, id, HeldDelivery.PLATFORM, "C1",
                    Instant.now()));
            context.getBean(ChatRepositories.Outbox.class).save(new OutboxEntry(entry, id, HeldDelivery.PLATFORM, 1,
                    Instant.now(), 0, null));
            HeldDelivery held = context.getBean(HeldDelivery.class);
            assertThat(held.started.await(10, TimeUnit.SECONDS)).as("a poll is delivering").isTrue();

            context.stop();

            assertThat(held.finished.getCount()).as("the stop waited for the delivery in flight").isZero();
        } finally {
            if (context.isRunning()) {
                context.stop();
            }
        }
        assertThat(at(Level.WARN)).as("a normal shutdown logs no warning or error").isEmpty();
    }

    @Test
    void aDatabaseOutageIsLoggedOnceThenOnceAMinuteAndItsEndToo() throws Exception {
        Map<String, Object> properties = properties();
        properties.put("test.clock", "mutable");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            MutableClock clock = context.getBean(MutableClock.class);
            String database = (String) properties.get("datasources.default.url");

            execute(database, "ALTER TABLE chat_outbox RENAME TO chat_outbox_away");
            // CountdownMetrics' outbox gauge meets the same missing table on its own schedule: only the dispatcher is judged here.
            ILoggingEvent first = await(e -> fromDispatcher(e) && e.getLevel() == Level.ERROR);
            Thread.sleep(400);

            assertThat(first.getLoggerName()).isEqualTo(ChatDispatcher.class.getName());
            assertThat(first.getFormattedMessage()).startsWith("chat outbox poll failed");
            assertThat(first.getThrowableProxy()).as("the first report has its cause").isNotNull();
            assertThat(first.getThrowableProxy().getMessage() + causes(first)).containsIgnoringCase("chat_outbox");
            assertThat(at(Level.WARN).stream().filter(ChatDispatcherLifecycleTest::fromDispatcher))
                    .as("some 40 polls failed since, within the minute: not reported").hasSize(1);

            clock.advance(ChatDispatcher.FAILURE_LOG_INTERVAL.plusSeconds(1));
            ILoggingEvent reminder = await(e -> fromDispatcher(e) && e != first && e.getLevel() == Level.ERROR);

            assertThat(reminder.getFormattedMessage()).startsWith("chat outbox poll still failing since")
                    .containsPattern("\\(\\d{2,} more failed polls\\)").containsIgnoringCase("chat_outbox");
            assertThat(reminder.getThrowableProxy()).as("one line, no stack trace").isNull();

            execute(database, "ALTER TABLE chat_outbox_away RENAME TO chat_outbox");
            ILoggingEvent recovered = await(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("recovered"));

            assertThat(recovered.getFormattedMessage()).isEqualTo("chat outbox poll recovered after failing for 61s");
            Thread.sleep(200);
            assertThat(at(Level.WARN).stream().filter(ChatDispatcherLifecycleTest::fromDispatcher))
                    .as("nothing else from the dispatcher").containsExactly(first, reminder);
        }
    }

    private Map<String, Object> properties() throws Exception {
        Map<String, Object> properties = ServiceFixture.write(dir, "# Web\n\n## Checks\n\n- [ ] /health returns 200\n",
                ServiceFixture.webManifest("http://127.0.0.1:9/health", ""));
        properties.put("countdown.chat.poll", "10ms");
        properties.put("countdown.chat.initial-delay", "1s");
        return properties;
    }

    private static boolean fromDispatcher(ILoggingEvent event) {
        return event.getLoggerName().equals(ChatDispatcher.class.getName());
    }

    private List<ILoggingEvent> at(Level least) {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(least)).toList();
        }
    }

    private ILoggingEvent await(Predicate<ILoggingEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (log) {
                for (ILoggingEvent e : log.list) {
                    if (wanted.test(e)) {
                        return e;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not logged within 10s; logged: " + log.list);
    }

    private static String causes(ILoggingEvent event) {
        StringBuilder all = new StringBuilder();
        for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            all.append(' ').append(cause.getMessage());
        }
        return all.toString();
    }

    /** On a connection of its own, outside the service's pool: the in-memory database is the same. */
    private static void execute(String database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

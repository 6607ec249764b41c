package dev.countdown.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countdown.evidence.AuditEventRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Only a lost race is retried. A transaction that breaks a rule of the schema for any other reason
 * is a bug, and it surfaces at its first attempt instead of after two hundred. Runs on H2 and
 * PostgreSQL (see the subclasses): their codes are what the policy is written against.
 */
abstract class RetryPolicyContract {

    private static final Actor RM = new Actor(IdentitySource.SLACK, "U0RM00001", "rm", Set.of());

    @Inject
    ApplicationContext context;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aNotNullViolationSurfacesAtTheFirstAttempt() throws SQLException {
        CountingTransactions counting = new CountingTransactions(transactions);
        ReleaseService service = new ReleaseService(counting, context.getBean(ReleaseRowRepository.class),
                context.getBean(DefinitionRowRepository.class), context.getBean(CommandReceiptRepository.class),
                context.getBean(AuditEventRepository.class), context.getBean(DefinitionCache.class),
                context.getBean(ManifestRegistry.class), context.getBean(Clock.class), List.of());
        sql("ALTER TABLE audit_event ADD COLUMN forgotten VARCHAR(10) NOT NULL");
        try {
            assertThatThrownBy(() -> service.handle(new CommandRequest(new Command.Start("shop", "v1.0.0"), RM, "not-null")))
                    .isInstanceOf(DataAccessException.class);
            assertThat(counting.attempts.get()).as("transactions run").isEqualTo(1);
        } finally {
            sql("ALTER TABLE audit_event DROP COLUMN forgotten");
        }
        assertThat(service.handle(new CommandRequest(new Command.Start("shop", "v1.0.0"), RM, "fixed")))
                .as("nothing was kept of the failed attempt").isInstanceOf(CommandResult.Applied.class);
    }

    @Test
    void theDatabasesCodesForARaceAndForABug() throws SQLException {
        String now = "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'";
        sql("INSERT INTO command_receipt VALUES ('twice', NULL, 'applied', 'ok', " + now + ")");
        assertThat(ReleaseService.isRaceState(stateOf("INSERT INTO command_receipt VALUES ('twice', NULL, 'applied', "
                + "'ok', " + now + ")"))).as("unique violation").isTrue();
        assertThat(ReleaseService.isRaceState(stateOf("INSERT INTO command_receipt VALUES ('k', NULL, NULL, 'ok', "
                + now + ")"))).as("NOT NULL").isFalse();
        assertThat(ReleaseService.isRaceState(stateOf("INSERT INTO chat_thread VALUES ('slack:rnope', 'rnope', 'slack', "
                + "'C1', " + now + ")"))).as("foreign key").isFalse();
        assertThat(ReleaseService.isRaceState("40001")).isTrue();
        assertThat(ReleaseService.isRaceState("40P01")).isTrue();
        assertThat(ReleaseService.isRaceState("HYT00")).isTrue();
    }

    private String stateOf(String statement) {
        try {
            sql(statement);
        } catch (SQLException e) {
            return e.getSQLState();
        }
        throw new AssertionError("the database took " + statement);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(context.getRequiredProperty("datasources.default.url", String.class),
                context.getRequiredProperty("datasources.default.username", String.class),
                context.getProperty("datasources.default.password", String.class).orElse(""));
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The service's transactions, counted. */
    private static final class CountingTransactions implements TransactionOperations<Connection> {
        private final TransactionOperations<Connection> real;
        private final AtomicInteger attempts = new AtomicInteger();

        CountingTransactions(TransactionOperations<Connection> real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() {
            return real.getConnection();
        }

        @Override
        public boolean hasConnection() {
            return real.hasConnection();
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return real.findTransactionStatus();
        }

        @Override
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            attempts.incrementAndGet();
            return real.execute(definition, callback);
        }
    }
}

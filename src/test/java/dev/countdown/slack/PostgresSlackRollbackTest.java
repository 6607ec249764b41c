package dev.countdown.slack;

import dev.countdown.support.TestPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** The same rollback on PostgreSQL: the scheduler's table and its claims as production runs them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresSlackRollbackTest extends SlackRollbackTest {

    @Override
    Map<String, String> database() {
        return TestPostgres.newDatabase();
    }
}

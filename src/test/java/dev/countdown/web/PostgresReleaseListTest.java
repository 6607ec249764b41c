package dev.countdown.web;

import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReleaseListTest extends ReleaseListContract implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.with(TestPostgres.newDatabase());
    }
}

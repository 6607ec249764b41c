package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service gets one runner, configured from countdown.probes.*, closed with the context. */
class ProbeRunnerFactoryTest {

    @Test
    void theServiceHasOneConfiguredRunner() {
        Map<String, Object> properties = new HashMap<>(CountdownTestProperties.with(TestPostgres.newH2Database()));
        properties.put("countdown.probes.max-concurrent", "3");
        properties.put("countdown.probes.run-deadline", "1500ms");
        ProbeRunner runner;
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            runner = context.getBean(ProbeRunner.class);
            assertThat(context.getBean(ProbeRunner.class)).isSameAs(runner);
            assertThat(runner.options()).isEqualTo(new ProbeRunner.Options(3, Duration.ofMillis(1500), Duration.ofMillis(500)));

            ProbeResult result = runner.run(Specs.http("nowhere", "http://127.0.0.1:" + TestServers.closedPort() + "/"),
                    Optional.empty());
            assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.ERROR);
        }
        assertThat(runner.run(Specs.http("after", "http://127.0.0.1:1/"), Optional.empty()).summary())
                .isEqualTo("the probe runner is shut down");
    }
}

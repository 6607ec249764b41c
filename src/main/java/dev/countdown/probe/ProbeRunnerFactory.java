package dev.countdown.probe;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The service's one runner: one HTTP connection pool, one concurrency bound for every release. */
@Factory
class ProbeRunnerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ProbeRunner probeRunner(Clock clock,
                            @Value("${countdown.probes.max-concurrent:64}") int maxConcurrent,
                            @Value("${countdown.probes.run-deadline:2m}") Duration runDeadline,
                            @Value("${countdown.probes.retry-delay:500ms}") Duration retryDelay) {
        return new ProbeRunner(Probes.withDefaults(), new ProbeRunner.Options(maxConcurrent, runDeadline, retryDelay),
                System::getenv, clock);
    }
}

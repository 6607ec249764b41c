package dev.countdown.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.X509ExtendedTrustManager;

/** Runners for tests: short retry pauses, an environment given as a map. */
final class Runners {

    private Runners() {
    }

    static ProbeRunner with(Map<String, String> environment) {
        return new ProbeRunner(Probes.withDefaults(), new ProbeRunner.Options(16, Duration.ofSeconds(15), Duration.ofMillis(20)),
                environment::get, Clock.systemUTC());
    }

    static ProbeRunner trusting(X509ExtendedTrustManager trust) {
        return new ProbeRunner(Probes.trusting(trust), new ProbeRunner.Options(16, Duration.ofSeconds(15), Duration.ofMillis(20)),
                Map.<String, String>of()::get, Clock.systemUTC());
    }
}

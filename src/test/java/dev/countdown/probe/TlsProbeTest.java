package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.probe.ProbeResult.Outcome;
import dev.countdown.probe.TestCertificates.Issued;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Handshakes with a local TLS server whose certificates are made here, with known expiry dates. */
class TlsProbeTest {

    private static final Issued AUTHORITY = TestCertificates.authority("Countdown Test CA");
    private static final ProbeRunner RUNNER = Runners.trusting(TestCertificates.trusting(AUTHORITY.certificate()));

    @AfterAll
    static void close() {
        RUNNER.close();
    }

    /** notAfter an hour past the whole day, so "days left" does not depend on the milliseconds the test takes. */
    private static Issued validFor(int days, String... names) {
        Instant now = Instant.now();
        return TestCertificates.server(AUTHORITY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days)).plusSeconds(3600),
                names);
    }

    private static ProbeResult probe(Issued certificate, String host, int minDaysLeft, ProbeRunner runner) throws Exception {
        try (TestServers.TlsServer server = new TestServers.TlsServer(TestCertificates.serverContext(certificate, AUTHORITY))) {
            return runner.run(Specs.tls("certificate", host, server.port(), minDaysLeft), Optional.empty());
        }
    }

    @Test
    void aTrustedCertificateWithEnoughDaysLeftPasses() throws Exception {
        ProbeResult result = probe(validFor(90, "localhost", "127.0.0.1"), "localhost", 30, RUNNER);

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.summary()).isEqualTo("certificate for localhost expires in 90 days (need 30)");
        assertThat(result.evidence().asked().action()).isEqualTo("TLS handshake");
        assertThat(result.evidence().asked().target()).startsWith("localhost:");
        assertThat(result.evidence().answer().orElseThrow().facts())
                .containsEntry("subject", "CN=localhost")
                .containsEntry("issuer", "CN=Countdown Test CA")
                .containsEntry("days-left", "90")
                .containsKey("not-after")
                .containsEntry("names", "localhost, 127.0.0.1");
    }

    @Test
    void aCertificateExpiringSoonerThanMinDaysLeftFails() throws Exception {
        ProbeResult result = probe(validFor(12, "localhost"), "localhost", 30, RUNNER);

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).isEqualTo("certificate for localhost expires in 12 days (need 30)");
    }

    @Test
    void anExpiredCertificateFailsSayingWhen() throws Exception {
        Instant now = Instant.now();
        Issued expired = TestCertificates.server(AUTHORITY, now.minus(Duration.ofDays(100)),
                now.minus(Duration.ofDays(3)).minusSeconds(3600), "localhost");

        ProbeResult result = probe(expired, "localhost", 30, RUNNER);

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).matches("certificate for localhost expired on \\d{4}-\\d{2}-\\d{2} \\(3 days ago\\)");
        assertThat(result.evidence().answer().orElseThrow().facts()).containsKey("refused");
    }

    @Test
    void aCertificateForAnotherHostFails() throws Exception {
        ProbeResult result = probe(validFor(90, "portal.example.com"), "localhost", 30, RUNNER);

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).isEqualTo("certificate for localhost does not match the host; it names portal.example.com");
    }

    @Test
    void anIpAddressIsVerifiedAgainstTheCertificatesAddresses() throws Exception {
        assertThat(probe(validFor(90, "localhost", "127.0.0.1"), "127.0.0.1", 30, RUNNER).outcome()).isEqualTo(Outcome.PASS);
        assertThat(probe(validFor(90, "localhost"), "127.0.0.1", 30, RUNNER).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aCertificateFromAnUnknownAuthorityIsNotTrusted() throws Exception {
        try (ProbeRunner jvmTrust = new ProbeRunner(Probes.withDefaults(),
                new ProbeRunner.Options(4, Duration.ofSeconds(10), Duration.ZERO))) {
            ProbeResult result = probe(validFor(90, "localhost"), "localhost", 30, jvmTrust);

            assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(result.summary()).startsWith("certificate for localhost is not trusted: ");
            assertThat(result.evidence().answer().orElseThrow().facts()).containsEntry("issuer", "CN=Countdown Test CA");
        }
    }

    @Test
    void aClosedPortIsAnError() {
        int port = TestServers.closedPort();

        ProbeResult result = RUNNER.run(Specs.tls("certificate", "127.0.0.1", port, 30), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("could not connect to 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void aServerThatNeverHandshakesTimesOut() throws Exception {
        try (TestServers.BlackHole hole = new TestServers.BlackHole()) {
            var spec = new dev.countdown.manifest.ProbeSpec.Tls(Specs.settings("certificate", Duration.ofMillis(300), 0),
                    "localhost", hole.port(), 30);

            ProbeResult result = RUNNER.run(spec, Optional.empty());

            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.summary()).startsWith("timed out after 300ms");
        }
    }
}

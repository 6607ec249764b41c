package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.manifest.SecretString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small text rules results depend on: what is masked, how long an excerpt is, how durations read. */
class RedactorTest {

    @Test
    void writtenUrlsKeepReferencesAndMaskLiteralPasswords() {
        assertThat(Redactor.shown(new SecretString("https://portal.example.com/v1/health?token=${PORTAL_TOKEN}")))
                .isEqualTo("https://portal.example.com/v1/health?token=${PORTAL_TOKEN}");
        assertThat(Redactor.shown(new SecretString("https://bot:hunter22@portal.example.com/x?api_key=abc123&page=2")))
                .isEqualTo("https://bot:[redacted]@portal.example.com/x?api_key=[redacted]&page=2");
        assertThat(Redactor.shown(new SecretString("jdbc:postgresql://db:5432/app?user=probe&password=hunter22")))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=probe&password=[redacted]");
        assertThat(Redactor.shown(new SecretString("jdbc:h2:mem:x;USER=sa;PASSWORD=hunter22")))
                .isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=[redacted]");
    }

    @Test
    void writtenHeadersMaskOnlyLiteralSecrets() {
        Map<String, String> shown = Redactor.shown(Map.of(
                "Authorization", new SecretString("Bearer ${T}"),
                "X-Api-Key", new SecretString("abc123"),
                "Accept", new SecretString("application/json")));

        assertThat(shown).containsEntry("Authorization", "Bearer ${T}").containsEntry("X-Api-Key", "[redacted]")
                .containsEntry("Accept", "application/json");
    }

    @Test
    void shortValuesAreNotMaskedSoTextStaysReadable() {
        var spec = Specs.http(Specs.settings("h"), "http://x/${A}/${B}", Map.of(), Map.of(), Map.of());
        Redactor redactor = Redactor.of(spec, Map.of("A", "abc", "B", "longer value")::get);

        assertThat(redactor.apply("abc longer value longer+value longer%20value"))
                .isEqualTo("abc ${B} ${B} ${B}");
    }

    @Test
    void excerptsAreBoundedInBytesAndSayHowMuchWasCut() {
        assertThat(Excerpt.of("short")).isEqualTo("short");
        String cut = Excerpt.of("€".repeat(1000));
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Excerpt.MAX_BYTES);
        assertThat(cut).endsWith("… [3000 bytes in all]").doesNotContain("\uFFFD");
    }

    @Test
    void durationsReadAsManifestsWriteThem() {
        assertThat(Durations.human(Duration.ofMillis(300))).isEqualTo("300ms");
        assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.human(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(Durations.human(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.ago(Duration.ofSeconds(20))).isEqualTo("just now");
    }
}

package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A secret comes back encoded: escaped, in hex, in base64 at any byte offset of a longer text. */
class SecretFormsTest {

    /** Its standard base64 holds '+' and '/' at every offset, so the two alphabets differ. */
    private static final String TOKEN = "tok~~~en?>>Zq81~~~/value";
    private static final String LITERAL = "written-out-key-0987";

    private final Redactor redactor = Redactor.of(
            Specs.http(Specs.settings("h"), "http://x/?t=${TOKEN}&s=${SHORT}", Map.of("X-Api-Key", LITERAL), Map.of(), Map.of()),
            Map.of("TOKEN", TOKEN, "SHORT", "abcde")::get);

    private static final Base64.Encoder[] ENCODERS = {Base64.getEncoder(), Base64.getEncoder().withoutPadding(),
            Base64.getUrlEncoder(), Base64.getUrlEncoder().withoutPadding()};

    private static String base64(Base64.Encoder encoder, String text) {
        return encoder.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theAlphabetsReallyDiffer() {
        for (String prefix : new String[] {"", "a", "ab"}) {
            String standard = base64(Base64.getEncoder(), prefix + TOKEN);
            assertThat(standard).as("prefix '%s'", prefix).containsAnyOf("+", "/");
            assertThat(base64(Base64.getUrlEncoder(), prefix + TOKEN)).isNotEqualTo(standard);
        }
    }

    @Test
    void aBase64RunHoldingTheSecretAtAnyOffsetIsMaskedWhole() {
        for (Base64.Encoder encoder : ENCODERS) {
            for (int before = 0; before < 6; before++) {
                for (int after = 0; after < 3; after++) {
                    String blob = base64(encoder, "x".repeat(before) + TOKEN + "y".repeat(after));
                    String echo = "{\"blob\":\"" + blob + "\",\"n\":1}";
                    assertThat(Leaks.of(TOKEN, echo)).as("the leak finder sees it").isNotEmpty();

                    assertThat(redactor.apply(echo)).as("%s, %d bytes before, %d after", blob, before, after)
                            .isEqualTo("{\"blob\":\"[base64 with ${TOKEN}]\",\"n\":1}");
                }
            }
        }
    }

    @Test
    void basicCredentialsEchoedBackAreMasked() {
        String basic = "Basic " + base64(Base64.getEncoder(), "probe:" + TOKEN);

        assertThat(redactor.apply("Authorization: " + basic + "\nAccept: */*"))
                .isEqualTo("Authorization: Basic [base64 with ${TOKEN}]\nAccept: */*");
        assertThat(redactor.apply("key=" + base64(Base64.getUrlEncoder(), LITERAL) + "&page=2"))
                .as("a literal secret is masked, and only its run: the rest of the query stays")
                .isEqualTo("key=[redacted]&page=2");
    }

    @Test
    void twoRunsAreMaskedEachAndTheTextBetweenStays() {
        String one = base64(Base64.getEncoder(), "a" + TOKEN);
        String two = base64(Base64.getUrlEncoder().withoutPadding(), TOKEN + "zz");

        assertThat(redactor.apply(one + " and " + two + ".")).isEqualTo(
                "[base64 with ${TOKEN}] and [base64 with ${TOKEN}].");
    }

    @Test
    void hexInEitherCaseIsMasked() {
        byte[] bytes = TOKEN.getBytes(StandardCharsets.UTF_8);

        assertThat(redactor.apply("sig=" + HexFormat.of().formatHex(bytes) + " SIG=" + HexFormat.of().withUpperCase()
                .formatHex(bytes))).isEqualTo("sig=[hex of ${TOKEN}] SIG=[hex of ${TOKEN}]");
    }

    @Test
    void percentEncodedAndJsonEscapedFormsAreMaskedInAnyMix() {
        assertThat(redactor.apply("tok%7E%7e%7Een%3F%3E%3EZq81~~~%2fvalue")).isEqualTo("${TOKEN}");
        assertThat(redactor.apply("%74%6F%6B~~~en?>>Zq81~~~/value")).isEqualTo("${TOKEN}");
        assertThat(redactor.apply("{\"t\":\"tok~~~en?\\u003e\\u003EZq81~~~\\/value\"}")).isEqualTo("{\"t\":\"${TOKEN}\"}");
        assertThat(redactor.apply("written-out-key-0987 written%2Dout%2Dkey%2D0987")).isEqualTo("[redacted] [redacted]");
    }

    @Test
    void shortSecretsGetNoEncodedFormsAndUnrelatedBase64Stays() {
        String shortBlob = base64(Base64.getEncoder(), "xyz-abcde-xyz");
        String unrelated = base64(Base64.getEncoder(), "an unrelated blob, nothing secret in it at all");

        assertThat(redactor.apply("abcde " + shortBlob + " " + unrelated + " " + HexFormat.of().formatHex("abcde".getBytes())))
                .as("%d bytes is under the minimum of %d", 5, SecretForms.MIN_ENCODED_BYTES)
                .isEqualTo("${SHORT} " + shortBlob + " " + unrelated + " 6162636465");
        assertThat(redactor.apply("An ordinary sentence, with a path /v1/health and a count of 42."))
                .isEqualTo("An ordinary sentence, with a path /v1/health and a count of 42.");
    }
}

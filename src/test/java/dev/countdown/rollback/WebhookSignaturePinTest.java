package dev.countdown.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signature docs/rollback.md tells receivers to compute, pinned to a value Python's hmac computed. */
class WebhookSignaturePinTest {

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() {
        // python3: hmac.new(b"s3cret", b"1700000000." + b'{"a":1}', hashlib.sha256).hexdigest()
        assertThat(WebhookCall.sign("s3cret", "1700000000", "{\"a\":1}"))
                .isEqualTo("1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940");
    }
}

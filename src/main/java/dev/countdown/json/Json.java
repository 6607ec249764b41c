package dev.countdown.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper of Countdown's own code, so that every package writes times, optionals and
 * documents alike. It depends on no other Countdown package, so any package may use it.
 *
 * <p>Thread-safe once built; never reconfigure it: the audit chain's hashes and the evidence
 * bundle's digest are computed with it, and stored chains verify only while the same input
 * serializes to the same bytes (EvidenceEncodingPinTest holds them to that).
 */
public final class Json {

    /**
     * Times as ISO-8601 text, as people and other tools read them; properties it does not know are
     * skipped, so documents written by a later version still read.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Indented, for the files people open: evidence bundles, {@code template lint --json}. */
    public static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }
}

package dev.countdown.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A {@link Release} as the JSON document its row keeps. */
final class ReleaseDocuments {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReleaseDocuments() {
    }

    static String write(Release release) {
        try {
            return JSON.writeValueAsString(release);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a release always serializes", e);
        }
    }

    static Release read(String document) {
        try {
            return JSON.readValue(document, Release.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored release document cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}

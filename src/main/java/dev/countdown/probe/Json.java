package dev.countdown.probe;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON reader the probes share; thread-safe once configured. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}

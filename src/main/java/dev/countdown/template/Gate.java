package dev.countdown.template;

import java.util.List;

/** A GO/NO-GO decision point closing a section; its options are as the template words them. */
public record Gate(String label, List<String> options, int line) {

    public Gate {
        options = List.copyOf(options);
    }
}

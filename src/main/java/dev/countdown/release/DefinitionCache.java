package dev.countdown.release;

import dev.countdown.source.SourceException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed definitions by snapshot hash. A snapshot never changes, so its parse is kept for the
 * life of the process and every click after the first costs no parsing.
 */
@Singleton
public class DefinitionCache {

    private final DefinitionRowRepository rows;
    private final Map<String, ReleaseDefinition> parsed = new ConcurrentHashMap<>();

    public DefinitionCache(DefinitionRowRepository rows) {
        this.rows = rows;
    }

    public ReleaseDefinition get(String hash) {
        return parsed.computeIfAbsent(hash, h -> {
            DefinitionRow row = rows.findById(h)
                    .orElseThrow(() -> new IllegalStateException("definition " + h + " is missing from the store"));
            try {
                return DefinitionSnapshot.fromJson(row.snapshot()).read();
            } catch (SourceException e) {
                throw new IllegalStateException("stored definition " + h + " no longer reads: " + e.getMessage(), e);
            }
        });
    }

    void remember(ReleaseDefinition definition) {
        parsed.putIfAbsent(definition.hash(), definition);
    }
}

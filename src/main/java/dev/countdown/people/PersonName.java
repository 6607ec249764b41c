package dev.countdown.people;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** What a platform called someone when it was last asked. */
@MappedEntity("person_name")
public record PersonName(@Id String id, String source, String userId, String name, Instant resolvedAt) {
}

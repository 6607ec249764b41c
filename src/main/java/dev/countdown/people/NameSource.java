package dev.countdown.people;

import dev.countdown.release.IdentitySource;
import java.util.Optional;

/** A platform's answer to "what is this person called": asked off every request's path. */
public interface NameSource {

    IdentitySource source();

    /** The name the platform shows for {@code userId}; empty when it knows none. Throws when it cannot answer now. */
    Optional<String> nameOf(String userId) throws Exception;
}

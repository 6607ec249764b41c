package dev.countdown.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one attempt may use.
 *
 * @param environment    where {@code ${ENV}} references are resolved, at the moment of use
 * @param releaseVersion the version of the release the probe runs for, as the user gave it; unchecked
 * @param timeout        how long this attempt may take
 */
record AttemptContext(Function<String, String> environment, Optional<String> releaseVersion, Duration timeout,
                      Clock clock) {
}

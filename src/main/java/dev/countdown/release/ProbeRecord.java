package dev.countdown.release;

import java.time.Instant;

/**
 * A probe's last result on a release, as the release keeps it; the full evidence is in the audit
 * event recorded with it.
 *
 * @param outcome        pass, fail or error
 * @param failuresInARow how many runs in a row have not passed, this one included
 */
public record ProbeRecord(String name, String type, String outcome, String summary, int attempts, Instant at,
                          ActorRef by, int failuresInARow) {

    public boolean passed() {
        return outcome.equals("pass");
    }
}

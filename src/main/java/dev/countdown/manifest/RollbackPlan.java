package dev.countdown.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a release of this service is rolled back.
 *
 * @param template      the rollback ceremony's checklist, when there is one
 * @param triggers      when to roll back, as people read it
 * @param steps         what to do, in order
 * @param decisionOwner the role whose approval a rollback takes
 * @param action        a webhook to the deploy system that performs the rollback
 */
public record RollbackPlan(
        Optional<String> template,
        List<String> triggers,
        List<String> steps,
        Optional<String> decisionOwner,
        Optional<Action> action) {

    public static final RollbackPlan NONE = new RollbackPlan(
            Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty());

    public RollbackPlan {
        triggers = List.copyOf(triggers);
        steps = List.copyOf(steps);
    }

    /** A webhook call; {@code {service}} and {@code {version}} in the body stand for the release's. */
    public record Action(String method, SecretString url, Map<String, SecretString> headers, String body,
                         Duration timeout) {
        public Action {
            headers = OrderedMaps.copyOf(headers);
        }
    }
}

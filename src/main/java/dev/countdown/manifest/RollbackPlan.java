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
 * @param incidentChannels channel ids (Slack or Discord) besides the service's where {@code /rollback} works
 * @param action        what performs the rollback once its decision owner approved: a webhook to the
 *                      deploy system or a GitHub Actions workflow_dispatch; empty when people do the steps
 */
public record RollbackPlan(
        Optional<String> template,
        List<String> triggers,
        List<String> steps,
        Optional<String> decisionOwner,
        List<String> incidentChannels,
        Optional<Action> action) {

    public static final RollbackPlan NONE = new RollbackPlan(
            Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty());

    public RollbackPlan {
        triggers = List.copyOf(triggers);
        steps = List.copyOf(steps);
        incidentChannels = List.copyOf(incidentChannels);
    }

    /**
     * A webhook call ({@code type} webhook: {@code url}, signed with {@code secret}) or a workflow
     * dispatch ({@code type} github-actions: {@code url} is the API's base, {@code workflow} the rest);
     * {@code {service}} and {@code {version}} in the body stand for the release's.
     */
    public record Action(String type, String method, SecretString url, Map<String, SecretString> headers, String body,
                         Duration timeout, Optional<SecretString> secret, Optional<Workflow> workflow) {
        public static final String WEBHOOK = "webhook";
        public static final String GITHUB_ACTIONS = "github-actions";

        public Action {
            headers = OrderedMaps.copyOf(headers);
        }
    }

    /** A GitHub Actions workflow to dispatch: {@code owner/repo}, the workflow file or id, the ref, a token. */
    public record Workflow(String repository, String workflow, String ref, SecretString token,
                           Map<String, String> inputs) {
        public Workflow {
            inputs = Map.copyOf(inputs);
        }
    }
}

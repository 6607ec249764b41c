package dev.countdown.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.json.Json;
import dev.countdown.manifest.RollbackPlan;
import dev.countdown.probe.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The GitHub Actions action: a {@code workflow_dispatch} with the run's key as the input
 * {@code countdown_run_id}. GitHub's dispatch answers no run id, so the workflow is expected to
 * name its runs by that input ({@code run-name: ${{ inputs.countdown_run_id }}}); before
 * dispatching, the workflow's runs are searched for one so named, and a run found is not
 * dispatched again.
 */
final class WorkflowDispatch {

    static final String RUN_ID_INPUT = "countdown_run_id";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private WorkflowDispatch() {
    }

    static ActionCall call(OkHttpClient client, RollbackPlan.Action action, UnaryOperator<String> fill, String key,
                           Function<String, String> env, Redactor redactor) {
        RollbackPlan.Workflow w = action.workflow().orElseThrow();
        HttpUrl workflow = HttpUrl.get(action.url().resolve(env)).newBuilder().addPathSegments("repos/" + w.repository())
                .addPathSegments("actions/workflows").addPathSegment(w.workflow()).build();
        String token = w.token().resolve(env);
        try {
            Optional<String> existing = existingRun(client, workflow, token, key);
            if (existing.isPresent()) {
                return new ActionCall(ActionCall.Outcome.SUCCEEDED, "workflow run " + key + " already exists: "
                        + existing.get(), redactor.apply("GET " + workflow + "/runs: found " + existing.get()));
            }
            ObjectNode body = Json.MAPPER.createObjectNode().put("ref", w.ref());
            ObjectNode inputs = body.putObject("inputs");
            w.inputs().forEach((name, value) -> inputs.put(name, fill.apply(value)));
            inputs.put(RUN_ID_INPUT, key);
            String asked = "POST " + workflow + "/dispatches\n" + body;
            Request dispatch = authorized(new Request.Builder().url(workflow.newBuilder().addPathSegment("dispatches")
                    .build()).post(RequestBody.create(body.toString(), JSON)), token);
            try (Response response = client.newCall(dispatch).execute()) {
                String answer = response.body() == null ? "" : response.body().string();
                String evidence = redactor.apply(asked + "\n\n→ HTTP " + response.code() + "\n" + WebhookCall.shorten(answer));
                return response.isSuccessful()
                        ? new ActionCall(ActionCall.Outcome.SUCCEEDED, "workflow " + w.workflow() + " dispatched on "
                        + w.ref() + " as run " + key, evidence)
                        : new ActionCall(ActionCall.Outcome.FAILED, "HTTP " + response.code() + " from GitHub", evidence);
            }
        } catch (ConnectException | NotSent notSent) {
            return new ActionCall(ActionCall.Outcome.FAILED, "nothing dispatched: " + redactor.apply(notSent.getMessage()), "");
        } catch (IOException maybeSent) {
            return new ActionCall(ActionCall.Outcome.UNKNOWN, "no answer from GitHub (" + redactor.apply(
                    String.valueOf(maybeSent.getMessage())) + "): the workflow may have been dispatched", "");
        }
    }

    /** The html_url of a run of the workflow named by {@code key}, if one exists. */
    private static Optional<String> existingRun(OkHttpClient client, HttpUrl workflow, String token, String key)
            throws IOException {
        HttpUrl runs = workflow.newBuilder().addPathSegment("runs").addQueryParameter("event", "workflow_dispatch")
                .addQueryParameter("per_page", "100").build();
        try (Response response = client.newCall(authorized(new Request.Builder().url(runs).get(), token)).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new NotSent("listing the workflow's runs answered HTTP " + response.code());
            }
            JsonNode list = Json.MAPPER.readTree(response.body().string()).path("workflow_runs");
            for (JsonNode run : list) {
                if (run.path("display_title").asText().contains(key) || run.path("name").asText().contains(key)) {
                    return Optional.of(run.path("html_url").asText(run.path("id").asText()));
                }
            }
            return Optional.empty();
        }
    }

    /** Failed before the dispatch was sent. */
    private static final class NotSent extends IOException {
        NotSent(String message) {
            super(message);
        }
    }

    private static Request authorized(Request.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28").build();
    }
}

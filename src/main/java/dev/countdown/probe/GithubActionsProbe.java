package dev.countdown.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countdown.json.Json;
import dev.countdown.manifest.ProbeSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The named workflows' latest runs for the release's ref must have succeeded within max-age.
 *
 * <p>Runs come from {@code GET /repos/{owner}/{repo}/actions/runs}: with {@code head_sha=} when the
 * ref is a commit SHA, else with {@code branch=} (GitHub matches it against a run's
 * {@code head_branch}, which for a tag push is the tag's name); when that finds nothing for the
 * ref, the 100 most recent runs of the repository are read instead. Either way only runs whose
 * {@code head_branch} or {@code head_sha} is the ref are kept, so a filter the server ignored
 * cannot let another branch's green run through.
 */
final class GithubActionsProbe implements Probe {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private record Run(long id, String workflow, String path, String status, String conclusion, Instant createdAt,
                       String headBranch, String headSha, long number) {
    }

    private final ProbeSpec.GithubActions spec;
    private final OkHttpClient client;

    GithubActionsProbe(ProbeSpec.GithubActions spec, OkHttpClient client) {
        this.spec = spec;
        this.client = client;
    }

    @Override
    public Evidence.Asked asked(AttemptContext context) {
        String ref;
        try {
            ref = ReleaseRef.resolve(spec.ref(), context.releaseVersion());
        } catch (ProbeConfigurationException e) {
            ref = spec.ref();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        spec.token().ifPresent(t -> headers.put("Authorization", "Bearer " + (t.hasReferences() ? t.written() : Redactor.MASK)));
        HttpUrl api = HttpUrl.parse(spec.apiUrl());
        return new Evidence.Asked("GET", api == null ? spec.apiUrl() : runsUrl(api, ref, true).toString(), headers,
                Optional.empty());
    }

    @Override
    public Finding attempt(AttemptContext context) {
        String ref = ReleaseRef.resolve(spec.ref(), context.releaseVersion());
        HttpUrl api = HttpUrl.parse(spec.apiUrl());
        if (api == null) {
            throw new ProbeConfigurationException("api-url " + spec.apiUrl() + " is not an http:// or https:// URL");
        }
        Request.Builder base = new Request.Builder()
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "countdown-probe");
        spec.token().ifPresent(t -> base.header("Authorization", "Bearer " + t.resolve(context.environment())));
        try {
            HttpCalls.Answered answer = HttpCalls.execute(client, base.url(runsUrl(api, ref, true)).build(), context.timeout());
            List<Run> runs = runs(answer, ref);
            if (runs.isEmpty() && !SHA.matcher(ref).matches()) {
                answer = HttpCalls.execute(client, base.url(runsUrl(api, ref, false)).build(), context.timeout());
                runs = runs(answer, ref);
            }
            return judge(ref, runs, answer, context.clock().instant());
        } catch (ApiRefused refused) {
            return refused.finding;
        } catch (IOException e) {
            return Unreachable.describe(e, api.host() + ":" + api.port(), context.timeout());
        }
    }

    private HttpUrl runsUrl(HttpUrl api, String ref, boolean filtered) {
        String[] repository = spec.repository().split("/", 2);
        HttpUrl.Builder url = api.newBuilder()
                .addPathSegment("repos").addPathSegment(repository[0]).addPathSegment(repository[1])
                .addPathSegments("actions/runs");
        if (filtered) {
            // addQueryParameter percent-encodes: the ref is a value, never part of the path
            url.addQueryParameter(SHA.matcher(ref).matches() ? "head_sha" : "branch", ref);
        }
        return url.addQueryParameter("per_page", "100").build();
    }

    private List<Run> runs(HttpCalls.Answered answer, String ref) throws ApiRefused {
        JsonNode document;
        try {
            document = Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            document = null;
        }
        if (answer.code() / 100 != 2) {
            String message = document == null ? "" : ": " + document.path("message").asText("");
            boolean auth = answer.code() == 401 || answer.code() == 403 || answer.code() == 404;
            String hint = answer.code() == 404 ? " (no repository " + spec.repository() + ", or the token cannot see it)" : "";
            throw new ApiRefused(new Finding(ProbeResult.Outcome.ERROR, "GitHub answered " + answer.code()
                    + message.replaceFirst(": $", "") + hint, Optional.of(answer.evidence(List.of(), Map.of())), !auth));
        }
        if (document == null || !document.path("workflow_runs").isArray()) {
            throw new ApiRefused(Finding.error("GitHub answered " + answer.code() + " without a list of workflow runs",
                    answer.evidence(List.of(), Map.of())));
        }
        List<Run> runs = new ArrayList<>();
        for (JsonNode run : document.path("workflow_runs")) {
            Run r = new Run(run.path("id").asLong(), run.path("name").asText(""), run.path("path").asText(""),
                    run.path("status").asText(""), run.path("conclusion").asText(""), instant(run.path("created_at").asText("")),
                    run.path("head_branch").asText(""), run.path("head_sha").asText(""), run.path("run_number").asLong());
            if (r.headBranch().equals(ref) || r.headSha().equals(ref)) {
                runs.add(r);
            }
        }
        return runs;
    }

    private Finding judge(String ref, List<Run> runs, HttpCalls.Answered answer, Instant now) {
        Map<String, String> facts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        StringBuilder excerpt = new StringBuilder();
        for (String workflow : spec.workflows()) {
            Optional<Run> latest = runs.stream().filter(r -> named(r, workflow)).max(Comparator.comparing(Run::createdAt));
            if (latest.isEmpty()) {
                facts.put(workflow, "no run");
                problems.add("no run of workflow '" + workflow + "' for " + ref);
                continue;
            }
            Run run = latest.get();
            Duration age = Duration.between(run.createdAt(), now);
            facts.put(workflow, run.status() + "/" + run.conclusion() + " run " + run.id() + " #" + run.number()
                    + " at " + run.createdAt());
            excerpt.append(workflow).append(": run ").append(run.id()).append(" #").append(run.number()).append(' ')
                    .append(run.status()).append('/').append(run.conclusion()).append(" created ").append(run.createdAt())
                    .append(" sha ").append(run.headSha()).append('\n');
            String ago = Durations.ago(age);
            if (!"completed".equals(run.status())) {
                problems.add("'" + workflow + "' for " + ref + " is " + run.status().replace('_', ' '));
            } else if (!"success".equals(run.conclusion())) {
                problems.add("'" + workflow + "' for " + ref + " concluded " + run.conclusion() + " (run #" + run.number() + ")");
            } else if (age.compareTo(spec.maxAge()) > 0) {
                problems.add("'" + workflow + "' for " + ref + " succeeded " + ago + ", older than max-age "
                        + Durations.human(spec.maxAge()));
            } else {
                passed.add(workflow + " (" + ago + ")");
            }
        }
        Evidence.Answer evidence = answer.evidence(List.of("X-RateLimit-Remaining"), facts,
                excerpt.isEmpty() ? "no runs for " + ref : excerpt.toString().strip());
        if (problems.isEmpty()) {
            return Finding.pass("succeeded for " + ref + ": " + String.join(", ", passed), evidence);
        }
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return Finding.fail(problems.getFirst() + more, evidence);
    }

    /** A workflow is named as its {@code name:} or by its file: ci.yml or .github/workflows/ci.yml. */
    private static boolean named(Run run, String workflow) {
        return run.workflow().equals(workflow) || run.path().equals(workflow) || run.path().endsWith("/" + workflow);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** GitHub refused or answered nonsense: the finding to report instead of judging runs. */
    private static final class ApiRefused extends Exception {
        private final transient Finding finding;

        ApiRefused(Finding finding) {
            super(null, null, false, false);
            this.finding = finding;
        }
    }
}

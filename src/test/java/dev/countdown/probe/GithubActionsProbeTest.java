package dev.countdown.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.probe.ProbeResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a MockWebServer answering as {@code GET /repos/{owner}/{repo}/actions/runs} does. */
class GithubActionsProbeTest {

    private static final String TOKEN = "ghp_probeTestToken0123456789abcdef";

    private final MockWebServer server = new MockWebServer();
    private final ProbeRunner runner = Runners.with(Map.of("GITHUB_TOKEN", TOKEN));

    @BeforeEach
    void start() throws Exception {
        server.start(TestServers.loopback(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        runner.close();
    }

    private String api() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v3";
    }

    private static String run(long id, String workflow, String branch, String status, String conclusion, Duration age) {
        return """
                {"id":%d,"name":"%s","path":".github/workflows/%s.yml","head_branch":"%s","head_sha":"0123456789abcdef0123456789abcdef01234567",
                 "status":"%s","conclusion":%s,"run_number":%d,"created_at":"%s"}"""
                .formatted(id, workflow, workflow.toLowerCase(), branch, status,
                        conclusion == null ? "null" : "\"" + conclusion + "\"", id % 1000,
                        Instant.now().minus(age).truncatedTo(ChronoUnit.SECONDS));
    }

    private void answer(String... runs) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("X-RateLimit-Remaining", "4999")
                .body("{\"total_count\":" + runs.length + ",\"workflow_runs\":[" + String.join(",", runs) + "]}").build());
    }

    private ProbeResult probe(List<String> workflows, String version) {
        return runner.run(Specs.github("ci", api(), "{version}", workflows, Optional.of("${GITHUB_TOKEN}")),
                Optional.ofNullable(version));
    }

    @Test
    void theLatestRunOfEachWorkflowSucceededForTheTag() throws Exception {
        answer(run(1003, "CI", "v1.2.0", "completed", "success", Duration.ofHours(2)),
                run(1002, "CI", "v1.2.0", "completed", "failure", Duration.ofHours(3)),
                run(1001, "Release", "v1.2.0", "completed", "success", Duration.ofMinutes(90)));

        ProbeResult result = probe(List.of("CI", "release.yml"), "v1.2.0");

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.summary()).isEqualTo("succeeded for v1.2.0: CI (2h ago), release.yml (1h30m ago)");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/repos/acme/portal-api/actions/runs");
        assertThat(request.getUrl().queryParameter("branch")).isEqualTo("v1.2.0");
        assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("100");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(result.evidence().asked().headers()).containsEntry("Authorization", "Bearer ${GITHUB_TOKEN}");
        assertThat(result.evidence().answer().orElseThrow().headers()).containsEntry("X-RateLimit-Remaining", "4999");
        assertThat(result.evidence().answer().orElseThrow().excerpt()).contains("CI: run 1003 #3 completed/success");
        assertThat(result.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aFailedStaleRunningOrMissingWorkflowFails() {
        answer(run(2001, "CI", "v1.2.0", "completed", "failure", Duration.ofHours(1)));
        answer(run(2002, "CI", "v1.2.0", "completed", "success", Duration.ofHours(30)));
        answer(run(2003, "CI", "v1.2.0", "in_progress", null, Duration.ofMinutes(5)));
        answer(run(2004, "CI", "v1.2.0", "completed", "success", Duration.ofMinutes(5)));

        assertThat(probe(List.of("CI"), "v1.2.0").summary()).isEqualTo("'CI' for v1.2.0 concluded failure (run #1)");
        assertThat(probe(List.of("CI"), "v1.2.0").summary())
                .isEqualTo("'CI' for v1.2.0 succeeded 1d6h ago, older than max-age 1d");
        assertThat(probe(List.of("CI"), "v1.2.0").summary()).isEqualTo("'CI' for v1.2.0 is in progress");
        ProbeResult missing = probe(List.of("CI", "Deploy"), "v1.2.0");
        assertThat(missing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(missing.summary()).isEqualTo("no run of workflow 'Deploy' for v1.2.0");
    }

    @Test
    void runsOfOtherRefsNeverCountEvenIfTheServerIgnoresTheFilter() throws Exception {
        // the filtered list has only main's run; then the unfiltered one has no run for the tag either
        answer(run(3001, "CI", "main", "completed", "success", Duration.ofMinutes(5)));
        answer(run(3001, "CI", "main", "completed", "success", Duration.ofMinutes(5)));

        ProbeResult result = probe(List.of("CI"), "v1.2.0");

        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.summary()).isEqualTo("no run of workflow 'CI' for v1.2.0");
        server.takeRequest();
        RecordedRequest fallback = server.takeRequest();
        assertThat(fallback.getUrl().queryParameter("branch")).isNull();
    }

    @Test
    void whenTheBranchFilterFindsNothingTheRecentRunsAreSearched() {
        answer();
        answer(run(4002, "CI", "main", "completed", "failure", Duration.ofMinutes(5)),
                run(4001, "CI", "v1.2.0", "completed", "success", Duration.ofMinutes(30)));

        ProbeResult result = probe(List.of("CI"), "v1.2.0");

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theVersionIsEncodedAsAQueryValue() throws Exception {
        answer(run(5001, "CI", "1.2.0+build.5", "completed", "success", Duration.ofMinutes(5)));

        ProbeResult result = probe(List.of("CI"), "1.2.0+build.5");

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        assertThat(server.takeRequest().getTarget()).contains("branch=1.2.0%2Bbuild.5&");
    }

    @Test
    void aVersionOutsideTheAllowedShapeIsRefusedBeforeAnyRequest() {
        for (String version : List.of("v1.2.0&per_page=1", "../../admin", "v1 2", "-v1", "x".repeat(65), "")) {
            ProbeResult result = probe(List.of("CI"), version);

            assertThat(result.outcome()).as(version).isEqualTo(Outcome.ERROR);
            assertThat(result.summary()).startsWith("the release's version is not a version").doesNotContain(version.isEmpty() ? "\0" : version);
        }
        ProbeResult none = probe(List.of("CI"), null);
        assertThat(none.summary()).isEqualTo("ref {version} needs the release's version, and none was given");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCommitShaIsLookedUpByHeadSha() throws Exception {
        answer(run(6001, "CI", "main", "completed", "success", Duration.ofMinutes(5)));
        String sha = "0123456789abcdef0123456789abcdef01234567";

        ProbeResult result = runner.run(Specs.github("ci", api(), sha, List.of("CI"), Optional.empty()), Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().queryParameter("head_sha")).isEqualTo(sha);
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void refusedCredentialsAreAnErrorThatIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}").build());
        var spec = new dev.countdown.manifest.ProbeSpec.GithubActions(Specs.settings("ci", Duration.ofSeconds(3), 2), api(),
                "acme/portal-api", "v1.2.0", List.of("CI"), Duration.ofHours(24),
                Optional.of(new dev.countdown.manifest.SecretString("${GITHUB_TOKEN}")));

        ProbeResult result = runner.run(spec, Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("GitHub answered 401: Bad credentials");
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void anUnreachableApiIsAnError() {
        int port = TestServers.closedPort();

        ProbeResult result = runner.run(Specs.github("ci", "http://127.0.0.1:" + port, "main", List.of("CI"), Optional.empty()),
                Optional.empty());

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.summary()).isEqualTo("could not connect to 127.0.0.1:" + port + ": connection refused");
    }
}

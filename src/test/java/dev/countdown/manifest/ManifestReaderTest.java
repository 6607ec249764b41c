package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.source.SourceException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReaderTest {

    static final String FULL = """
            service: portal-api
            description: The customer portal's API
            template: go-no-go.md
            channels:
              slack: [C0123ABCD, G0456EFGH]
              discord: ["123456789012345678"]
            roles:
              qa-lead:
                owners:
                  slack-users: [U012AB3CD]
                  slack-groups: [S0123ABC]
              backend-lead:
                title: Head of Backend
                owners:
                  discord-users: ["223456789012345678", "223456789012345679"]
                  discord-roles: ["323456789012345678"]
                approvals: 2
              cto:
                owners:
                  slack-users: [W0CTO1234]
            permissions:
              start:
                roles: [qa-lead]
                slack-users: [U099ZZZZZ]
              rollback:
                roles: backend-lead
              decide:
                slack-groups: [S0DECIDE1]
            probes:
              health:
                type: http
                description: the health endpoint
                method: head
                url: https://${PORTAL_HOST}/health
                headers:
                  Authorization: Bearer ${PORTAL_TOKEN}
                  Accept: application/json
                expect:
                  status: [200, 204]
                  body-contains: ok
                  json:
                    /status: up
                    /checks/0/latency: "< 200"
                  headers:
                    Content-Type: json
                  max-latency: 500ms
                timeout: 5s
                retries: 2
                freshness: 10m
              cert:
                type: tls
                host: portal.example.com
                port: 8443
                min-days-left: 30
              errors:
                type: prometheus
                url: http://prometheus:9090
                query: sum(rate(http_errors_total[5m]))
                expect: "< 0.01"
              backups:
                type: sql
                url: ${DB_URL}
                username: reader
                password: ${DB_PASSWORD}
                query: SELECT count(*) FROM backups WHERE taken_at > now() - interval '1 day'
                expect:
                  rows: 1
              ci:
                type: github-actions
                repository: acme/portal-api
                workflows: [build, deploy]
                token: ${GITHUB_TOKEN}
            bindings:
              health: [deploy.canary-healthy]
              cert: pre-release.error-rate-below-1
              backups: [pre-release.backups-verified]
              ci: [deploy.ci-green]
            policy:
              required-roles: [qa-lead]
              optional-items: [deploy.canary-healthy]
              quorum:
                at-least: 1
                of: [backend-lead, cto]
              review-band:
                min-passing: 9/10
                requires: [cto]
              override:
                requires:
                  cto: 1
                  backend-lead: 2
              evidence-max-age: 1h30m
              auto-decide: true
            rollback:
              template: rollback.md
              triggers: ["error rate above 5% for 5 minutes", "p99 latency above 2s"]
              steps: [drain traffic, redeploy the previous version]
              decision-owner: backend-lead
              action:
                url: https://deploy.example.com/rollback
                method: put
                headers:
                  X-Deploy-Token: ${DEPLOY_TOKEN}
                body: '{"service":"{service}","version":"{version}"}'
                timeout: 1m
            """;

    @TempDir
    Path dir;

    @Test
    void readsServiceTemplateAndChannels() throws SourceException {
        ManifestReader.Loaded loaded = Fixtures.read(dir, FULL);
        ReleaseManifest m = loaded.manifest();

        assertThat(m.service()).isEqualTo("portal-api");
        assertThat(m.template()).isEqualTo("go-no-go.md");
        assertThat(m.source()).endsWith("portal-api.yaml");
        assertThat(m.channels().slack()).containsExactly("C0123ABCD", "G0456EFGH");
        assertThat(m.channels().discord()).containsExactly("123456789012345678");
        assertThat(loaded.template().title()).isEqualTo("Portal API release");
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void readsRolesWithTitlesOwnersAndApprovals() throws SourceException {
        ReleaseManifest m = Fixtures.read(dir, FULL).manifest();

        assertThat(m.roles()).containsOnlyKeys("qa-lead", "backend-lead", "cto");
        assertThat(m.roles().keySet()).containsExactly("qa-lead", "backend-lead", "cto");
        RoleSpec qa = m.role("qa-lead").orElseThrow();
        assertThat(qa.title()).isEqualTo("QA Lead");
        assertThat(qa.approvals()).isEqualTo(1);
        assertThat(qa.owners()).isEqualTo(new Principals(
                List.of("U012AB3CD"), List.of("S0123ABC"), List.of(), List.of(), List.of()));
        RoleSpec backend = m.role("backend-lead").orElseThrow();
        assertThat(backend.title()).isEqualTo("Head of Backend");
        assertThat(backend.approvals()).isEqualTo(2);
        assertThat(backend.owners().discordUsers()).containsExactly("223456789012345678", "223456789012345679");
        assertThat(backend.owners().discordRoles()).containsExactly("323456789012345678");
        assertThat(m.role("cto").orElseThrow().title()).isEqualTo("CTO");
        assertThat(m.role("cto").orElseThrow().owners().slackUsers()).containsExactly("W0CTO1234");
    }

    @Test
    void readsPermissions() throws SourceException {
        ReleaseManifest.Permissions p = Fixtures.read(dir, FULL).manifest().permissions();

        assertThat(p.start().roles()).containsExactly("qa-lead");
        assertThat(p.start().slackUsers()).containsExactly("U099ZZZZZ");
        assertThat(p.rollback().roles()).as("a single value is a list of one").containsExactly("backend-lead");
        assertThat(p.decide().slackGroups()).containsExactly("S0DECIDE1");
    }

    @Test
    void readsHttpProbe() throws SourceException {
        ProbeSpec.Http http = (ProbeSpec.Http) Fixtures.read(dir, FULL).manifest().probe("health").orElseThrow();

        assertThat(http.type()).isEqualTo("http");
        assertThat(http.settings()).isEqualTo(new ProbeSpec.Settings("health", "the health endpoint",
                Duration.ofSeconds(5), 2, Optional.of(Duration.ofMinutes(10))));
        assertThat(http.method()).isEqualTo("HEAD");
        assertThat(http.url().written()).isEqualTo("https://${PORTAL_HOST}/health");
        assertThat(http.headers()).containsExactly(
                Map.entry("Authorization", new SecretString("Bearer ${PORTAL_TOKEN}")),
                Map.entry("Accept", new SecretString("application/json")));
        assertThat(http.expectStatus()).containsExactly(200, 204);
        assertThat(http.bodyContains()).contains("ok");
        assertThat(http.jsonEquals()).containsExactly(Map.entry("/status", "up"), Map.entry("/checks/0/latency", "< 200"));
        assertThat(http.headersMatch()).containsExactly(Map.entry("Content-Type", "json"));
        assertThat(http.maxLatency()).contains(Duration.ofMillis(500));
    }

    @Test
    void readsTlsPrometheusSqlAndGithubProbes() throws SourceException {
        ReleaseManifest m = Fixtures.read(dir, FULL).manifest();

        assertThat(m.probes().keySet()).containsExactly("health", "cert", "errors", "backups", "ci");
        assertThat(m.probe("cert").orElseThrow()).isEqualTo(new ProbeSpec.Tls(new ProbeSpec.Settings(
                "cert", "", ProbeSpecReader.DEFAULT_TIMEOUT, 0, Optional.empty()), "portal.example.com", 8443, 30));
        ProbeSpec.Prometheus prometheus = (ProbeSpec.Prometheus) m.probe("errors").orElseThrow();
        assertThat(prometheus.url().written()).isEqualTo("http://prometheus:9090");
        assertThat(prometheus.query()).isEqualTo("sum(rate(http_errors_total[5m]))");
        assertThat(prometheus.expect()).isEqualTo(new Comparison(Comparison.Operator.LT, new BigDecimal("0.01")));
        ProbeSpec.Sql sql = (ProbeSpec.Sql) m.probe("backups").orElseThrow();
        assertThat(sql.url().references()).containsExactly("DB_URL");
        assertThat(sql.username()).contains(new SecretString("reader"));
        assertThat(sql.password()).contains(new SecretString("${DB_PASSWORD}"));
        assertThat(sql.query()).startsWith("SELECT count(*) FROM backups");
        assertThat(sql.expectRows()).isEqualTo(OptionalInt.of(1));
        assertThat(sql.expectValue()).isEmpty();
        ProbeSpec.GithubActions ci = (ProbeSpec.GithubActions) m.probe("ci").orElseThrow();
        assertThat(ci.repository()).isEqualTo("acme/portal-api");
        assertThat(ci.workflows()).containsExactly("build", "deploy");
        assertThat(ci.token()).contains(new SecretString("${GITHUB_TOKEN}"));
    }

    @Test
    void appliesProbeDefaults() throws SourceException {
        ReleaseManifest m = Fixtures.read(dir, FULL).manifest();

        ProbeSpec.GithubActions ci = (ProbeSpec.GithubActions) m.probe("ci").orElseThrow();
        assertThat(ci.apiUrl()).isEqualTo("https://api.github.com");
        assertThat(ci.ref()).isEqualTo("{version}");
        assertThat(ci.maxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(ci.settings().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ci.settings().retries()).isZero();
        assertThat(m.freshness(ci)).as("without its own freshness, the policy's").isEqualTo(Duration.ofMinutes(90));
        assertThat(m.freshness(m.probe("health").orElseThrow())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsBindingsInOrder() throws SourceException {
        ReleaseManifest m = Fixtures.read(dir, FULL).manifest();

        assertThat(m.bindings()).containsExactly(
                Map.entry("health", List.of("deploy.canary-healthy")),
                Map.entry("cert", List.of("pre-release.error-rate-below-1")),
                Map.entry("backups", List.of("pre-release.backups-verified")),
                Map.entry("ci", List.of("deploy.ci-green")));
    }

    @Test
    void readsPolicy() throws SourceException {
        DecisionPolicy policy = Fixtures.read(dir, FULL).manifest().policy();

        assertThat(policy.requiredRoles()).containsExactly("qa-lead");
        assertThat(policy.optionalItems()).containsExactly("deploy.canary-healthy");
        assertThat(policy.quorum()).contains(new DecisionPolicy.Quorum(1, List.of("backend-lead", "cto")));
        assertThat(policy.reviewBand()).contains(new DecisionPolicy.ReviewBand(90, List.of("cto")));
        assertThat(policy.override().orElseThrow().requires())
                .containsExactly(Map.entry("cto", 1), Map.entry("backend-lead", 2));
        assertThat(policy.evidenceMaxAge()).isEqualTo(Duration.ofMinutes(90));
        assertThat(policy.autoDecide()).isTrue();
    }

    @Test
    void readsRollbackPlan() throws SourceException {
        RollbackPlan plan = Fixtures.read(dir, FULL).manifest().rollback();

        assertThat(plan.template()).contains("rollback.md");
        assertThat(plan.triggers()).containsExactly("error rate above 5% for 5 minutes", "p99 latency above 2s");
        assertThat(plan.steps()).containsExactly("drain traffic", "redeploy the previous version");
        assertThat(plan.decisionOwner()).contains("backend-lead");
        RollbackPlan.Action action = plan.action().orElseThrow();
        assertThat(action.method()).isEqualTo("PUT");
        assertThat(action.url().written()).isEqualTo("https://deploy.example.com/rollback");
        assertThat(action.headers()).containsExactly(Map.entry("X-Deploy-Token", new SecretString("${DEPLOY_TOKEN}")));
        assertThat(action.body()).isEqualTo("{\"service\":\"{service}\",\"version\":\"{version}\"}");
        assertThat(action.timeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void minimalManifestGetsDefaults() throws SourceException {
        ReleaseManifest m = Fixtures.read(dir, MINIMAL).manifest();

        assertThat(m.channels().discord()).isEmpty();
        assertThat(m.role("qa-lead").orElseThrow().approvals()).isEqualTo(1);
        assertThat(m.role("qa-lead").orElseThrow().title()).isEqualTo("QA Lead");
        assertThat(m.permissions().start().isEmpty()).isTrue();
        assertThat(m.permissions().rollback().isEmpty()).isTrue();
        assertThat(m.probes()).isEmpty();
        assertThat(m.bindings()).isEmpty();
        assertThat(m.policy()).isEqualTo(new DecisionPolicy(List.of("qa-lead"), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), DecisionPolicy.DEFAULT_EVIDENCE_MAX_AGE, false));
        assertThat(m.rollback()).isEqualTo(RollbackPlan.NONE);
    }

    @Test
    void requiredRolesDefaultToRolesThatDoNotOnlyReviewOverrideOrVote() throws SourceException {
        String yaml = MINIMAL + """
                  backend-lead:
                    owners: {slack-users: [U0BACKEND]}
                  dba:
                    owners: {slack-users: [U0DBA1234]}
                  cto:
                    owners: {slack-users: [U0CTO1234]}
                  product-owner:
                    owners: {slack-users: [U0PO12345]}
                policy:
                  quorum: {at-least: 1, of: [dba]}
                  review-band: {min-passing: 90%, requires: [cto]}
                  override: {requires: {product-owner: 1}}
                """;

        assertThat(Fixtures.read(dir, yaml).manifest().policy().requiredRoles())
                .containsExactly("qa-lead", "backend-lead");
    }

    @Test
    void humanizesRoleIdsIntoTitles() throws SourceException {
        String yaml = MINIMAL + """
                  backend-lead:
                    owners: {slack-users: [U0BACKEND]}
                  dba:
                    owners: {slack-users: [U0DBA1234]}
                  incident-commander:
                    owners: {slack-users: [U0IC12345]}
                """;

        ReleaseManifest m = Fixtures.read(dir, yaml).manifest();

        assertThat(m.roles().values()).extracting(RoleSpec::title)
                .containsExactly("QA Lead", "Backend Lead", "DBA", "Incident Commander");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "15m, PT15M", "24h, PT24H", "7d, PT168H", "1h30m, PT1H30M"})
    void readsDurations(String written, Duration expected) throws SourceException {
        String yaml = MINIMAL + "policy:\n  evidence-max-age: " + written + "\n";

        assertThat(Fixtures.read(dir, yaml).manifest().policy().evidenceMaxAge()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"90%, 90", "90, 90", "9/10, 90", "'9 of 10', 90", "2/3, 67", "100%, 100"})
    void readsReviewBandShares(String written, int percent) throws SourceException {
        String yaml = MINIMAL + "policy:\n  review-band:\n    min-passing: " + written + "\n    requires: [qa-lead]\n";

        assertThat(Fixtures.read(dir, yaml).manifest().policy().reviewBand().orElseThrow().minPassingPercent())
                .isEqualTo(percent);
    }

    @Test
    void unquotedDiscordIdsAreRead() throws SourceException {
        String yaml = MINIMAL.replace("slack: [C0123ABCD]", "discord: [123456789012345678]");

        assertThat(Fixtures.read(dir, yaml).manifest().channels().discord()).containsExactly("123456789012345678");
    }

    @Test
    void findsTemplateBesideTheManifestsDirectory() throws SourceException {
        Fixtures.write(dir.resolve("checklist-templates/go-no-go.md"), Fixtures.TEMPLATE);
        Path manifest = Fixtures.manifest(dir, MINIMAL);

        ManifestReader.Loaded loaded = new ManifestReader(new TemplateCatalog(Optional.empty())).read(manifest);

        assertThat(loaded.template().items()).hasSize(4);
    }

    @Test
    void readsCrlfAndByteOrderMark() throws SourceException {
        String yaml = "\uFEFF" + MINIMAL.replace("\n", "\r\n");

        assertThat(Fixtures.read(dir, yaml).manifest().service()).isEqualTo("portal-api");
    }
}

package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static dev.countdown.manifest.Fixtures.errors;
import static dev.countdown.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.countdown.source.SourceException;
import dev.countdown.source.SourceProblem;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStringTest {

    private static final String VALUE = "s3cr3t-Value-42";

    @TempDir
    Path dir;

    @Test
    void listsItsReferencesInOrderOnce() {
        SecretString s = new SecretString("${USER}:${PASSWORD}@${HOST}/${USER}");

        assertThat(s.references()).containsExactly("USER", "PASSWORD", "HOST");
        assertThat(s.hasReferences()).isTrue();
        assertThat(SecretString.literal("https://example.com").hasReferences()).isFalse();
        assertThat(SecretString.literal("costs $5 {each}").references()).isEmpty();
    }

    @Test
    void resolvesEveryReferenceFromTheEnvironmentGiven() {
        SecretString s = new SecretString("Bearer ${TOKEN} for ${HOST}");

        String resolved = s.resolve(Map.of("TOKEN", VALUE, "HOST", "example.com")::get);

        assertThat(resolved).isEqualTo("Bearer " + VALUE + " for example.com");
    }

    @Test
    void resolvedValuesAreTakenLiterally() {
        SecretString s = new SecretString("${PASSWORD}");

        assertThat(s.resolve(Map.of("PASSWORD", "a$1\\b${X}")::get)).isEqualTo("a$1\\b${X}");
    }

    @Test
    void missingVariableNamesTheVariableNotAnyValue() {
        SecretString s = new SecretString("${USER}:${DB_PASSWORD}");

        SecretString.MissingSecretException e = catchThrowableOfType(SecretString.MissingSecretException.class,
                () -> s.resolve(Map.of("USER", VALUE)::get));

        assertThat(e.variable()).isEqualTo("DB_PASSWORD");
        assertThat(e).hasMessage("environment variable DB_PASSWORD is not set");
        assertThat(e.getMessage()).doesNotContain(VALUE);
    }

    @Test
    void toStringShowsTheReferenceNeverTheValue() {
        SecretString s = new SecretString("Bearer ${TOKEN}");
        s.resolve(Map.of("TOKEN", VALUE)::get);

        assertThat(s).hasToString("Bearer ${TOKEN}");
        assertThat(s.written()).isEqualTo("Bearer ${TOKEN}");
        assertThat(String.valueOf(Map.of("Authorization", s))).doesNotContain(VALUE);
    }

    @Test
    void resolvedManifestRecordsShowNoValue() throws SourceException {
        ManifestReader.Loaded loaded = Fixtures.read(dir, MINIMAL + """
                probes:
                  health:
                    type: http
                    url: https://${HOST}/health
                    headers: {Authorization: "Bearer ${TOKEN}"}
                """);
        ProbeSpec.Http http = (ProbeSpec.Http) loaded.manifest().probe("health").orElseThrow();
        Map<String, String> environment = Map.of("HOST", "example.com", "TOKEN", VALUE);

        assertThat(http.headers().get("Authorization").resolve(environment::get)).isEqualTo("Bearer " + VALUE);
        assertThat(http.url().resolve(environment::get)).isEqualTo("https://example.com/health");
        assertThat(loaded.manifest().toString()).contains("${TOKEN}").doesNotContain(VALUE);
        assertThat(ManifestOutline.write(loaded, "portal-api.yaml")).contains("TOKEN").doesNotContain(VALUE);
    }

    @Test
    void literalAuthorizationHeaderOfAProbeWarns() throws SourceException {
        String yaml = MINIMAL + """
                probes:
                  health:
                    type: http
                    url: https://example.com/health
                    headers:
                      Accept: application/json
                      Authorization: Bearer abc123
                """;

        assertThat(Fixtures.read(dir, yaml).warnings()).containsExactly(new SourceProblem(lineOf(yaml, "Bearer"),
                "probes.health.headers.Authorization: looks like a secret written in the file;"
                        + " use a ${ENV_NAME} reference instead"));
    }

    @Test
    void literalTokenHeaderOfTheRollbackActionWarns() throws SourceException {
        String yaml = MINIMAL + """
                rollback:
                  action:
                    url: https://deploy.example.com/rollback
                    headers:
                      X-Deploy-Token: abc123
                """;

        assertThat(Fixtures.read(dir, yaml).warnings()).containsExactly(new SourceProblem(lineOf(yaml, "abc123"),
                "rollback.action.headers.X-Deploy-Token: looks like a secret written in the file;"
                        + " use a ${ENV_NAME} reference instead"));
    }

    @Test
    void literalPasswordAndTokenWarn() throws SourceException {
        String yaml = MINIMAL + """
                probes:
                  db:
                    type: sql
                    url: jdbc:h2:mem:app
                    password: hunter2
                    query: SELECT 1
                    expect: {rows: 1}
                  ci:
                    type: github-actions
                    repository: acme/portal-api
                    workflows: [build]
                    token: ghp_abc123
                """;

        assertThat(Fixtures.read(dir, yaml).warnings()).extracting(SourceProblem::line)
                .containsExactly(lineOf(yaml, "hunter2"), lineOf(yaml, "ghp_abc123"));
    }

    @Test
    void referenceWithAnInvalidName() {
        String yaml = MINIMAL + "probes:\n  health:\n    type: http\n    url: https://${portal-host}/health\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "url:")
                + ": probes.health.url: '${portal-host}' is not an environment variable name; expected ${LIKE_THIS}");
    }

    @Test
    void referenceThatIsNotClosed() {
        String yaml = MINIMAL + "probes:\n  health:\n    type: http\n    url: https://${PORTAL_HOST/health\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "url:") + ": probes.health.url: a '${' is not closed; expected ${ENV_NAME}");
    }
}

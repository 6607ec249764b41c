package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static dev.countdown.manifest.Fixtures.errors;
import static dev.countdown.manifest.Fixtures.hasError;
import static dev.countdown.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that must exist: probes, item ids of the template, roles, the template itself. */
class ReferenceErrorsTest {

    private static final String WITH_PROBE = MINIMAL + """
            probes:
              cert:
                type: tls
                host: portal.example.com
            """;

    @TempDir
    Path dir;

    @Test
    void bindingToAMissingProbe() {
        String yaml = WITH_PROBE + "bindings:\n  certificate: [pre-release.backups-verified]\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "certificate:") + ": bindings.certificate: no probe named 'certificate'; probes here: cert");
    }

    @Test
    void bindingToAMissingItemSuggestsTheNearestId() {
        String yaml = WITH_PROBE + "bindings:\n  cert:\n    - deploy.ci-green\n    - pre-release.backup-verified\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "backup-verified") + ": bindings.cert[1]: the"
                + " template has no item 'pre-release.backup-verified'; did you mean 'pre-release.backups-verified'?");
    }

    @Test
    void bindingToAnItemFarFromAnyPointsToTemplateLint() {
        String yaml = WITH_PROBE + "bindings:\n  cert: certificate-is-valid\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "certificate-is-valid") + ": bindings.cert: the"
                + " template has no item 'certificate-is-valid';"
                + " run 'countdown template lint' on the template to see its item ids");
    }

    @Test
    void optionalItemThatIsNotInTheTemplate() {
        String yaml = MINIMAL + "policy:\n  optional-items: [deploy.canary-health]\n";

        hasError(errors(dir, yaml), lineOf(yaml, "canary-health"), "policy.optional-items[0]",
                "the template has no item 'deploy.canary-health'; did you mean 'deploy.canary-healthy'?");
    }

    @Test
    void bindingsOfTheWrongShapeAreReportedOnce() {
        String yaml = WITH_PROBE + "bindings:\n  cert: {item: deploy.ci-green}\npolicy:\n  required-roles: [{id: qa-lead}]\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "cert: {item") + ": bindings.cert: expected an item id, got a mapping",
                lineOf(yaml, "required-roles") + ": policy.required-roles[0]: expected a role id, got a mapping");
    }

    @Test
    void bindingsWrittenAsAListAreReportedOnceAndSayWhatIsExpected() {
        String yaml = WITH_PROBE + "bindings: [cert]\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "bindings:")
                + ": bindings: expected a mapping of probe names to the item ids they set, got a list");
    }

    @Test
    void rolesThatAreNotDefined() {
        String yaml = MINIMAL + """
                permissions:
                  start: {roles: [release-manager]}
                  rollback: {roles: [qa-lead, sre]}
                policy:
                  required-roles: [qa-lead, dba]
                  quorum: {at-least: 1, of: [backend-lead]}
                  review-band: {min-passing: 90%, requires: [cto]}
                  override:
                    requires: {vp: 1}
                rollback:
                  decision-owner: incident-commander
                """;

        List<String> errors = errors(dir, yaml);

        String defined = " is defined under roles (defined: qa-lead)";
        assertThat(errors).containsExactly(
                lineOf(yaml, "release-manager") + ": permissions.start.roles[0]: no role 'release-manager'" + defined,
                lineOf(yaml, "sre") + ": permissions.rollback.roles[1]: no role 'sre'" + defined,
                lineOf(yaml, "dba") + ": policy.required-roles[1]: no role 'dba'" + defined,
                lineOf(yaml, "backend-lead") + ": policy.quorum.of[0]: no role 'backend-lead'" + defined,
                lineOf(yaml, "cto") + ": policy.review-band.requires[0]: no role 'cto'" + defined,
                lineOf(yaml, "vp: 1") + ": policy.override.requires.vp: no role 'vp'" + defined,
                lineOf(yaml, "incident-commander") + ": rollback.decision-owner: no role 'incident-commander'" + defined);
    }

    @Test
    void quorumThatCanNeverBeMet() {
        String yaml = MINIMAL + "policy:\n  quorum:\n    at-least: 2\n    of: [qa-lead]\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "quorum:") + ": policy.quorum: asks for at least 2 of 1 roles; it can never be met");
    }

    @Test
    void roleApprovalsMoreThanItsPeople() {
        String yaml = MINIMAL + "    approvals: 2\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "approvals: 2") + ": roles.qa-lead.approvals:"
                + " asks for 2 approvals of role 'qa-lead', which names only 1 person; it can never be met");
    }

    @Test
    void overrideCountMoreThanTheRolesPeople() {
        String yaml = MINIMAL + "policy:\n  override:\n    requires:\n      qa-lead: 3\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "qa-lead: 3") + ": policy.override.requires.qa-lead:"
                + " asks for 3 approvals of role 'qa-lead', which names only 1 person; it can never be met");
    }

    @Test
    void rolesWithGroupsMayAskForAnyNumberOfApprovals() throws SourceException {
        String yaml = MINIMAL + "      slack-groups: [S0123ABC]\n    approvals: 5\n";

        assertThat(Fixtures.read(dir, yaml).manifest().role("qa-lead").orElseThrow().approvals()).isEqualTo(5);
    }

    @Test
    void templateThatDoesNotExist() {
        String yaml = MINIMAL.replace("go-no-go.md", "go-live.md");

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith("2: template: cannot be used: ")
                .endsWith("go-live.md:1: no such template file");
    }

    @Test
    void templateNotFoundWithoutTemplatesDirectoryNamesWhereItLooked() {
        Path manifest = Fixtures.manifest(dir, MINIMAL.replace("go-no-go.md", "no-such-checklist.md"));

        SourceException e = org.assertj.core.api.Assertions.catchThrowableOfType(SourceException.class,
                () -> new ManifestReader(new TemplateCatalog(java.util.Optional.empty())).read(manifest));

        assertThat(e.problems()).singleElement().extracting(p -> p.message()).asString()
                .contains("no such template file; looked in " + dir.resolve("checklist-templates"));
    }

    @Test
    void rollbackTemplateThatDoesNotExist() {
        String yaml = MINIMAL + "rollback:\n  template: roll-back.md\n";

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith(lineOf(yaml, "roll-back.md") + ": rollback.template: cannot be used: ")
                .endsWith("roll-back.md:1: no such template file");
    }

    @Test
    void templateThatHasErrorsOfItsOwn() {
        Path templates = Fixtures.templates(dir);
        Fixtures.write(templates.resolve("broken.md"), "# Broken\n\n```\n- [ ] inside an open fence\n");
        String yaml = MINIMAL.replace("go-no-go.md", "broken.md");

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith("2: template: cannot be used: ")
                .contains("broken.md:3: code fence ``` opened here is never closed");
    }

    @Test
    void templateWithoutItems() {
        Path templates = Fixtures.templates(dir);
        Fixtures.write(templates.resolve("notes.md"), "# Notes\n\nJust prose.\n");
        String yaml = MINIMAL.replace("go-no-go.md", "notes.md");

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith("2: template: cannot be used: ").contains("notes.md:1: no checklist items found");
    }

    @Test
    void templateErrorsAndManifestErrorsComeTogether() {
        String yaml = MINIMAL.replace("go-no-go.md", "go-live.md") + "    approvals: none\n";

        List<String> errors = errors(dir, yaml);

        hasError(errors, 2, "template", "no such template file");
        hasError(errors, lineOf(yaml, "approvals"), "roles.qa-lead.approvals", "expected a whole number");
    }

    @Test
    void signOffRoleOfTheTemplateWithoutAManifestRoleWarns() throws SourceException {
        String yaml = MINIMAL.replace("qa-lead:", "backend-lead:");

        assertThat(Fixtures.read(dir, yaml).warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(lineOf(yaml, "roles:"));
            assertThat(w.message()).isEqualTo("roles: the template's sign-off names 'QA Lead' but no role 'qa-lead'"
                    + " is defined here, so nobody can approve it");
        });
    }
}

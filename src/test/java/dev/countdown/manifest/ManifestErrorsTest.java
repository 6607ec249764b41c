package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static dev.countdown.manifest.Fixtures.errors;
import static dev.countdown.manifest.Fixtures.hasError;
import static dev.countdown.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fields of the wrong type or form: each error names the line, the dotted field and what is expected. */
class ManifestErrorsTest {

    @TempDir
    Path dir;

    @Test
    void missingServiceIsReportedAtTheTopOfTheMapping() {
        String yaml = MINIMAL.replace("service: portal-api\n", "");

        assertThat(errors(dir, yaml)).containsExactly("1: service: missing; expected the service's name, e.g. portal-api");
    }

    @Test
    void emptyServiceIsReportedAtItsOwnLine() {
        String yaml = MINIMAL.replace("service: portal-api\n", "") + "service: ~\n";

        hasError(errors(dir, yaml), lineOf(yaml, "service: ~"), "service", "is empty; expected the service's name");
    }

    @Test
    void serviceNameMustBeLowerCase() {
        String yaml = MINIMAL.replace("service: portal-api", "service: Portal API");

        assertThat(errors(dir, yaml)).containsExactly(
                "1: service: expected a service name: lower-case letters, digits, '.', '-' or '_', got \"Portal API\"");
    }

    @Test
    void approvalsWrittenInWords() {
        String yaml = MINIMAL + "    approvals: two\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "approvals: two")
                        + ": roles.qa-lead.approvals: expected a whole number from 1 to 50, got \"two\"");
    }

    @Test
    void unknownFieldSuggestsTheNearestKnownOne() {
        String yaml = MINIMAL + "polcy:\n  auto-decide: true\n";

        hasError(errors(dir, yaml), lineOf(yaml, "polcy:"), "polcy",
                "unknown field (did you mean 'policy'?)", "known fields: bindings, channels");
    }

    @Test
    void unknownNestedFieldSuggestsTheNearestKnownOne() {
        String yaml = MINIMAL.replace("    owners:", "    ownres:");

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "ownres:"), "roles.qa-lead.ownres", "unknown field (did you mean 'owners'?)");
        hasError(errors, lineOf(yaml, "qa-lead:"), "roles.qa-lead.owners", "missing; expected who owns the role");
    }

    @Test
    void unknownFieldWithAnEmptyValueIsReportedAtItsLine() {
        String yaml = MINIMAL + "\nsevrice:\nnotes: ~\n";

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "sevrice:"), "sevrice", "unknown field (did you mean 'service'?)");
        hasError(errors, lineOf(yaml, "notes: ~"), "notes", "unknown field");
    }

    @Test
    void badSlackIds() {
        String yaml = """
                service: portal-api
                template: go-no-go.md
                channels:
                  slack: [C0123ABCD, general]
                roles:
                  qa-lead:
                    owners:
                      slack-users:
                        - U012AB3CD
                        - alice
                      slack-groups: [U012AB3CD]
                """;

        List<String> errors = errors(dir, yaml);

        hasError(errors, 4, "channels.slack[1]", "expected a Slack channel id such as C0123ABCD, got \"general\"");
        hasError(errors, 10, "roles.qa-lead.owners.slack-users[1]",
                "expected a Slack user id such as U012AB3CD, got \"alice\"");
        hasError(errors, 11, "roles.qa-lead.owners.slack-groups[0]",
                "expected a Slack user-group id such as S0123ABC, got \"U012AB3CD\"");
        assertThat(errors).hasSize(3);
    }

    @Test
    void badDiscordIds() {
        String yaml = """
                service: portal-api
                template: go-no-go.md
                channels:
                  discord: ["#releases"]
                roles:
                  qa-lead:
                    owners:
                      discord-users: ["1234"]
                      discord-roles: ["@qa"]
                """;

        List<String> errors = errors(dir, yaml);

        hasError(errors, 4, "channels.discord[0]", "expected a Discord channel id (a number of 15 to 21 digits)",
                "got \"#releases\"");
        hasError(errors, 8, "roles.qa-lead.owners.discord-users[0]", "expected a Discord user id (15 to 21 digits)");
        hasError(errors, 9, "roles.qa-lead.owners.discord-roles[0]", "expected a Discord role id (15 to 21 digits)");
        assertThat(errors).hasSize(3);
    }

    @Test
    void channelsThatNameNoChannel() {
        String yaml = MINIMAL.replace("  slack: [C0123ABCD]\n", "  slack: []\n");

        assertThat(errors(dir, yaml)).containsExactly(
                "3: channels: names no channel; expected at least one Slack or Discord channel id");
    }

    @Test
    void roleWhoseOwnersNameNobody() {
        String yaml = MINIMAL.replace("      slack-users: [U012AB3CD]\n", "      slack-users: []\n");

        assertThat(errors(dir, yaml)).containsExactly("7: roles.qa-lead.owners: names nobody; nobody could approve this role");
    }

    @Test
    void badDuration() {
        String yaml = MINIMAL + "policy:\n  evidence-max-age: 30 minutes\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "30 minutes")
                + ": policy.evidence-max-age: expected a duration such as 500ms, 30s, 15m, 24h or 7d, got \"30 minutes\"");
    }

    @Test
    void zeroDurationIsNotADuration() {
        String yaml = MINIMAL + "policy:\n  evidence-max-age: 0s\n";

        hasError(errors(dir, yaml), lineOf(yaml, "0s"), "policy.evidence-max-age", "expected a duration");
    }

    @Test
    void durationTooLargeIsAnErrorNotACrash() {
        String yaml = MINIMAL + "policy:\n  evidence-max-age: 99999999999999999999d\n";

        hasError(errors(dir, yaml), lineOf(yaml, "99999"), "policy.evidence-max-age", "expected a duration");
    }

    @Test
    void reviewBandShareTooLargeIsAnErrorNotACrash() {
        String yaml = MINIMAL + "policy:\n  review-band:\n    min-passing: 99999999999/10\n    requires: [qa-lead]\n";

        hasError(errors(dir, yaml), lineOf(yaml, "min-passing"), "policy.review-band.min-passing",
                "expected a share such as 90% or 9/10, got \"99999999999/10\"");
    }

    @Test
    void reviewBandShareAboveAHundredPercent() {
        String yaml = MINIMAL + "policy:\n  review-band:\n    min-passing: 11/10\n    requires: [qa-lead]\n";

        hasError(errors(dir, yaml), lineOf(yaml, "min-passing"), "policy.review-band.min-passing",
                "expected a share such as 90% or 9/10");
    }

    @Test
    void autoDecideMustBeABoolean() {
        String yaml = MINIMAL + "policy:\n  auto-decide: sometimes\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "auto-decide") + ": policy.auto-decide: expected true or false, got \"sometimes\"");
    }

    @Test
    void listWhereAMappingIsExpected() {
        String yaml = """
                service: portal-api
                template: go-no-go.md
                channels: [C0123ABCD]
                roles:
                  - qa-lead
                  - cto
                """;

        List<String> errors = errors(dir, yaml);

        hasError(errors, 3, "channels", "expected a mapping with slack and/or discord channel ids, got a list");
        hasError(errors, 4, "roles", "expected a mapping of role ids to roles, got a list");
        assertThat(errors).hasSize(2);
    }

    @Test
    void mappingWhereATextIsExpected() {
        String yaml = MINIMAL.replace("template: go-no-go.md", "template:\n  file: go-no-go.md");

        assertThat(errors(dir, yaml)).containsExactly("2: template: expected a file name, got a mapping");
    }

    @Test
    void scalarsWhereAMappingIsExpected() {
        String yaml = MINIMAL + "permissions:\n  start:\n  rollback: yes please\n";

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "start:"), "permissions.start",
                "expected a mapping with discord-roles, discord-users, roles, slack-groups, slack-users, got nothing");
        hasError(errors, lineOf(yaml, "rollback: yes"), "permissions.rollback", "got \"yes please\"");
        assertThat(errors).hasSize(2);
    }

    @Test
    void wholeFileThatIsNotAMapping() {
        assertThat(errors(dir, "- service: portal-api\n- template: go-no-go.md\n")).containsExactly(
                "1: expected a release manifest: a mapping with service, template, channels, roles, ..., got a list");
    }

    @Test
    void badRollbackAction() {
        String yaml = MINIMAL + """
                rollback:
                  action:
                    type: script
                    url: deploy.example.com/rollback
                    method: DELETE
                    timeout: soon
                """;

        List<String> errors = errors(dir, yaml);

        hasError(errors, lineOf(yaml, "type: script"), "rollback.action.type",
                "expected webhook, github-actions or none, got \"script\"");
        hasError(errors, lineOf(yaml, "url: deploy"), "rollback.action.url", "expected an http:// or https:// URL");
        hasError(errors, lineOf(yaml, "method: DELETE"), "rollback.action.method", "expected POST or PUT, got \"DELETE\"");
        hasError(errors, lineOf(yaml, "timeout: soon"), "rollback.action.timeout", "expected a duration");
        assertThat(errors).hasSize(4);
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceInLineOrder() {
        String yaml = """
                service: Portal
                template: go-no-go.md
                channels:
                  slack: [general]
                roles:
                  qa-lead:
                    approvals: two
                    owners:
                      slack-users: [alice]
                probes:
                  health:
                    type: htp
                bindings:
                  health: [deploy.canary-healthy]
                  nope: [deploy.ci-green]
                policy:
                  required-roles: [ghost]
                  evidence-max-age: forever
                colour: blue
                """;

        List<String> errors = errors(dir, yaml);

        assertThat(errors).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactly(
                "1", "4", "7", "9", "12", "15", "17", "18", "19");
        assertThat(errors).extracting(e -> e.split(": ")[1]).containsExactly(
                "service", "channels.slack[0]", "roles.qa-lead.approvals", "roles.qa-lead.owners.slack-users[0]",
                "probes.health.type", "bindings.nope", "policy.required-roles[0]", "policy.evidence-max-age", "colour");
    }
}

package dev.countdown.manifest;

import static dev.countdown.manifest.Fixtures.MINIMAL;
import static dev.countdown.manifest.Fixtures.errors;
import static dev.countdown.manifest.Fixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML that cannot be read as one manifest: one error, at the line to fix. */
class YamlErrorsTest {

    @TempDir
    Path dir;

    @Test
    void badIndentationIsReportedWhereItIs() {
        String yaml = MINIMAL + "policy:\n  auto-decide: true\n evidence-max-age: 1h\n";

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith(lineOf(yaml, "evidence-max-age") + ": not valid YAML: ");
    }

    @Test
    void tabIndentationIsReportedAtTheTabsLine() {
        String yaml = MINIMAL + "policy:\n\tauto-decide: true\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "\tauto-decide") + ": not valid YAML: while scanning"
                + " for the next token; found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for"
                + " indentation)");
    }

    @Test
    void unclosedBracketNamesTheLineItOpensOn() {
        String yaml = MINIMAL.replace("slack: [C0123ABCD]", "slack: [C0123ABCD");

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "roles:") + ": not valid YAML: while parsing a flow"
                + " sequence (line " + lineOf(yaml, "slack:") + "); expected ',' or ']', but got :");
    }

    @Test
    void unclosedQuoteAtTheEndIsReportedWhereItOpens() {
        String yaml = MINIMAL + "rollback:\n  steps: [\"drain traffic]\n";

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith(lineOf(yaml, "drain traffic") + ": not valid YAML: while scanning a quoted scalar");
    }

    @Test
    void duplicateKeyIsReportedAtTheSecondOne() {
        String yaml = MINIMAL + "service: portal-web\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "portal-web") + ": not valid YAML: Duplicate field 'service'");
    }

    @Test
    void duplicateNestedKey() {
        String yaml = MINIMAL + "    approvals: 1\n    approvals: 2\n";

        assertThat(errors(dir, yaml)).containsExactly(
                lineOf(yaml, "approvals: 2") + ": not valid YAML: Duplicate field 'approvals'");
    }

    @Test
    void secondDocumentIsNotSilentlyIgnored() {
        String yaml = MINIMAL + "---\nservice: portal-web\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "portal-web")
                + ": a second YAML document starts here (after '---'); expected one manifest per file");
    }

    @Test
    void documentMarkersAroundOneDocumentAreFine() throws Exception {
        String yaml = "---\n" + MINIMAL + "...\n";

        assertThat(Fixtures.read(dir, yaml).manifest().service()).isEqualTo("portal-api");
    }

    @Test
    void aliasesAreRefusedRatherThanReadAsTheirName() {
        String yaml = MINIMAL.replace("    owners:", "    owners: &leads") + "  cto:\n    owners: *leads\n";

        assertThat(errors(dir, yaml)).containsExactly(lineOf(yaml, "*leads")
                + ": '*leads' is a YAML alias, which manifests do not support; write the value out in full");
    }

    @Test
    void nestingTooDeepIsAnError() {
        String yaml = MINIMAL + "description: " + "[".repeat(2000) + "]".repeat(2000) + "\n";

        assertThat(errors(dir, yaml)).singleElement().asString()
                .startsWith(lineOf(yaml, "description") + ": not valid YAML: ");
    }

    @Test
    void commentsOnlyIsNotAManifest() {
        assertThat(errors(dir, "# portal-api\n# to do\n")).containsExactly(
                "1: expected a release manifest: a mapping with service, template, channels, roles, ...");
    }
}

package dev.countdown.template;

import static dev.countdown.template.Templates.itemTexts;
import static dev.countdown.template.Templates.parse;
import static dev.countdown.template.Templates.section;
import static dev.countdown.template.Templates.sectionTitles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.countdown.source.SourceException;
import dev.countdown.source.SourceProblem;
import org.junit.jupiter.api.Test;

class TemplateParserFencesTest {

    @Test
    void hashLinesInsideAFenceAreNotHeadings() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Rollback
                ```bash
                # Emergency traffic switch
                kubectl rollout undo deploy/api
                ## also not a heading
                ```
                - [ ] Rollback verified
                """);

        assertThat(sectionTitles(template)).containsExactly("Rollback");
        assertThat(itemTexts(template)).containsExactly("Rollback verified");
    }

    @Test
    void aShellBlockIsKeptAsItsSectionsVerification() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Health
                - [ ] API healthy
                ```bash
                # probe the API
                curl -f https://api.example.com/health
                ```
                ## Database
                - [ ] Replication lag low
                ```sh
                psql -c 'select 1'
                ```
                ## Notes
                - [ ] Nothing to run
                """);

        assertThat(section(template, "Health").verification())
                .contains("# probe the API", "curl -f https://api.example.com/health")
                .doesNotContain("psql", "```");
        assertThat(section(template, "Database").verification()).contains("psql -c 'select 1'")
                .doesNotContain("curl");
        assertThat(section(template, "Notes").verification()).isEmpty();
    }

    @Test
    void checkboxLinesInsideAFenceAreItems() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Smoke
                ```
                - [ ] Login works
                - [x] Logout works
                ```
                - [ ] Search works
                """);

        assertThat(section(template, "Smoke").items()).extracting(ChecklistItem::text, ChecklistItem::checked)
                .containsExactly(tuple("Login works", false), tuple("Logout works", true), tuple("Search works", false));
        assertThat(section(template, "Smoke").verification()).doesNotContain("Login works");
    }

    @Test
    void tildeFencesAndLongerFencesCloseOnlyOnTheirOwnMarker() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Docs
                ````markdown
                ```
                # inner heading
                ```
                ````
                ~~~
                ```
                # still code
                ~~~
                - [ ] Read the docs
                """);

        assertThat(sectionTitles(template)).containsExactly("Docs");
        assertThat(itemTexts(template)).containsExactly("Read the docs");
    }

    @Test
    void anUnclosedFenceIsAnErrorAtTheFencesLine() {
        assertThatThrownBy(() -> parse("runbook.md", """
                # T
                - [ ] Before

                ```bash
                kubectl get pods
                ## Lost section
                - [ ] Lost item
                """))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.problems()).extracting(SourceProblem::line).containsExactly(4);
                    assertThat(e.getMessage()).startsWith("runbook.md:4: ").contains("never closed");
                });
    }
}

package dev.countdown.template;

import static dev.countdown.template.Templates.itemTexts;
import static dev.countdown.template.Templates.parse;
import static dev.countdown.template.Templates.section;
import static dev.countdown.template.Templates.sectionTitles;
import static dev.countdown.template.Templates.warningsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class TemplateParserSectionsTest {

    @Test
    void firstLevelOneHeadingIsTheTitleAndLaterOnesAreSections() throws Exception {
        ChecklistTemplate template = parse("""
                # Release Train

                ## Prepare
                - [ ] Freeze main

                # Appendix
                - [ ] Archive the logs
                """);

        assertThat(template.title()).isEqualTo("Release Train");
        assertThat(template.sections()).extracting(Section::title, Section::level)
                .containsExactly(tuple("Prepare", 2), tuple("Appendix", 1));
    }

    @Test
    void nestedHeadingLevelsAreKeptInDocumentOrder() throws Exception {
        ChecklistTemplate template = parse("""
                # Go-Live
                ## Deploy
                ### Canary
                #### Metrics
                - [ ] p95 within budget
                ### Full rollout
                - [ ] 100% traffic
                ## Verify
                - [ ] Smoke tests
                """);

        assertThat(template.sections()).extracting(Section::title, Section::level).containsExactly(
                tuple("Deploy", 2), tuple("Canary", 3), tuple("Metrics", 4), tuple("Full rollout", 3),
                tuple("Verify", 2));
        assertThat(itemTexts(template)).containsExactly("p95 within budget", "100% traffic", "Smoke tests");
    }

    @Test
    void eachSectionHoldsTheItemsUpToTheNextHeading() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Before
                - [ ] One
                - [ ] Two
                ## After
                - [ ] Three
                """);

        assertThat(section(template, "Before").items()).extracting(ChecklistItem::text).containsExactly("One", "Two");
        assertThat(section(template, "After").items()).extracting(ChecklistItem::text).containsExactly("Three");
    }

    @Test
    void headingMarkupIsNotPartOfTheTitle() throws Exception {
        ChecklistTemplate template = parse("""
                # **Portal** Go-Live #
                ## __Smoke__ tests ##
                - [ ] Login
                """);

        assertThat(template.title()).isEqualTo("Portal Go-Live");
        assertThat(sectionTitles(template)).containsExactly("Smoke tests");
    }

    @Test
    void itemsDirectlyUnderTheTitleFormASectionNamedByTheTitle() throws Exception {
        ChecklistTemplate template = parse("""
                # Hotfix
                - [ ] Patch built
                ## Verify
                - [ ] Error rate normal
                """);

        assertThat(template.sections()).extracting(Section::title, Section::level)
                .containsExactly(tuple("Hotfix", 1), tuple("Verify", 2));
        assertThat(section(template, "Hotfix").items()).extracting(ChecklistItem::text).containsExactly("Patch built");
    }

    @Test
    void withoutLevelOneHeadingTheFileNameIsTheTitleWithAWarning() throws Exception {
        ChecklistTemplate template = parse("db-migration_steps.md", """
                ## Steps
                - [ ] Backup taken
                """);

        assertThat(template.title()).isEqualTo("db migration steps");
        assertThat(warningsAt(template, 1)).anySatisfy(w -> assertThat(w).contains("no level-1 heading"));
        assertThat(sectionTitles(template)).containsExactly("Steps");
    }

    @Test
    void itemsAboveAnyHeadingOfAnUntitledFileAreKeptUnderTheFileTitle() throws Exception {
        ChecklistTemplate template = parse("hotfix.md", """
                - [ ] Patch built
                - [ ] Patch deployed

                ## Verify
                - [ ] Error rate normal
                """);

        assertThat(template.title()).isEqualTo("hotfix");
        assertThat(template.sections()).extracting(Section::title).containsExactly("hotfix", "Verify");
        assertThat(itemTexts(template)).containsExactly("Patch built", "Patch deployed", "Error rate normal");
    }

    @Test
    void itemsAboveTheTitleHeadingAreNotDropped() throws Exception {
        ChecklistTemplate template = parse("""
                - [ ] Read the runbook first

                # Release Checklist
                - [ ] Tag the release
                ## Verify
                - [ ] Smoke tests
                """);

        assertThat(template.title()).isEqualTo("Release Checklist");
        assertThat(itemTexts(template)).containsExactly("Read the runbook first", "Tag the release", "Smoke tests");
    }

    @Test
    void setextHeadingsAreHeadings() throws Exception {
        ChecklistTemplate template = parse("""
                Release Train
                =============

                Prepare
                -------
                - [ ] Freeze main

                Ship
                ----
                - [ ] Tag
                """);

        assertThat(template.title()).isEqualTo("Release Train");
        assertThat(template.sections()).extracting(Section::title, Section::level)
                .containsExactly(tuple("Prepare", 2), tuple("Ship", 2));
        assertThat(itemTexts(template)).containsExactly("Freeze main", "Tag");
    }

    @Test
    void thematicBreaksBetweenSectionsAreNotHeadings() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## One
                - [ ] a

                ---

                ## Two
                - [ ] b

                ***
                """);

        assertThat(sectionTitles(template)).containsExactly("One", "Two");
        assertThat(itemTexts(template)).containsExactly("a", "b");
    }

    @Test
    void htmlCommentsAreSkippedWithWhatTheyHide() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                <!--
                ## Old section
                - [ ] Retired step
                -->
                ## Deploy
                <!-- one-line comment: - [ ] not an item -->
                - [ ] Deploy API
                """);

        assertThat(sectionTitles(template)).containsExactly("Deploy");
        assertThat(itemTexts(template)).containsExactly("Deploy API");
    }

    @Test
    void anHtmlCommentAfterAnItemIsNotPartOfItsText() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Backups verified <!-- owner: DBA -->
                """);

        assertThat(itemTexts(template)).containsExactly("Backups verified");
    }

    @Test
    void anUnclosedHtmlCommentIsReportedAtItsLine() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deploy API
                <!-- TODO
                - [ ] hidden
                """);

        assertThat(itemTexts(template)).containsExactly("Deploy API");
        assertThat(warningsAt(template, 3)).anySatisfy(w -> assertThat(w).contains("never closed"));
    }

    @Test
    void anEmptyHeadingIsIgnoredWithAWarning() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ##
                - [ ] a
                """);

        assertThat(sectionTitles(template)).containsExactly("T");
        assertThat(warningsAt(template, 2)).containsExactly("empty heading ignored");
    }

    @Test
    void yamlFrontMatterIsNotContent() throws Exception {
        ChecklistTemplate template = parse("""
                ---
                owner: platform
                # not a heading
                ---
                # Release
                - [ ] a
                """);

        assertThat(template.title()).isEqualTo("Release");
        assertThat(itemTexts(template)).containsExactly("a");
    }
}

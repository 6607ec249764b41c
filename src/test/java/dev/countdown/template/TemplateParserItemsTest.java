package dev.countdown.template;

import static dev.countdown.template.Templates.item;
import static dev.countdown.template.Templates.itemTexts;
import static dev.countdown.template.Templates.parse;
import static dev.countdown.template.Templates.warningsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateParserItemsTest {

    @Test
    void dashStarAndPlusBulletsAreItems() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Dash
                * [ ] Star
                + [ ] Plus
                - Not a task
                """);

        assertThat(itemTexts(template)).containsExactly("Dash", "Star", "Plus");
    }

    @Test
    void crossedBoxesArePreChecked() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [x] Lower
                - [X] Upper
                - [ ] Open
                """);

        assertThat(template.items()).extracting(ChecklistItem::text, ChecklistItem::checked)
                .containsExactly(tuple("Lower", true), tuple("Upper", true), tuple("Open", false));
    }

    @Test
    void numberedTaskListsWithTheBoxFirstAreItems() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                [ ] 1. Verify backups
                [x] 2. Verify DNS
                """);

        assertThat(template.items()).extracting(ChecklistItem::text, ChecklistItem::checked)
                .containsExactly(tuple("Verify backups", false), tuple("Verify DNS", true));
    }

    @Test
    void numberedTaskListsWithTheNumberFirstAreItems() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                1. [ ] Verify backups
                2) [ ] Verify DNS
                3. Not a task
                """);

        assertThat(itemTexts(template)).containsExactly("Verify backups", "Verify DNS");
    }

    @Test
    void indentedSubTasksKeepTheirParent() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deploy
                  - [ ] Canary
                    - [ ] Metrics green
                  - [ ] Full rollout
                - [ ] Announce
                """);

        String deploy = item(template, "Deploy").id();
        String canary = item(template, "Canary").id();
        assertThat(item(template, "Deploy").parentId()).isEmpty();
        assertThat(item(template, "Canary").parentId()).contains(deploy);
        assertThat(item(template, "Metrics green").parentId()).contains(canary);
        assertThat(item(template, "Full rollout").parentId()).contains(deploy);
        assertThat(item(template, "Announce").parentId()).isEmpty();
    }

    @Test
    void subTasksOfANumberedListKeepTheirParent() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                1. [ ] Migrate
                   1. [ ] Forward script
                   2. [ ] Rollback script
                2. [ ] Verify
                """);

        String migrate = item(template, "Migrate").id();
        assertThat(template.items()).extracting(ChecklistItem::text, i -> i.parentId().orElse("-"))
                .containsExactly(tuple("Migrate", "-"), tuple("Forward script", migrate),
                        tuple("Rollback script", migrate), tuple("Verify", "-"));
    }

    @Test
    void itemTextHasNoCheckboxOrEmphasisMarkup() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] **Change Ticket**: CHG-1 approved by __CAB__
                - [ ] Rotate keys for *all* tenants, _today_
                - [ ]   Spaces   collapsed
                """);

        assertThat(itemTexts(template)).containsExactly(
                "Change Ticket: CHG-1 approved by CAB",
                "Rotate keys for all tenants, today",
                "Spaces collapsed");
    }

    @Test
    void codeSpansInItemTextAreKeptAsWritten() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] **Exports**: `__init__.py` lists `*_handler`
                - [ ] Set `AUTH_RUNTIME_STATE_BACKEND=redis` in snake_case_config
                - [ ] Keep the `<!-- generated -->` marker, 5 * 3 ``a ` b`` $1
                """);

        assertThat(itemTexts(template)).containsExactly(
                "Exports: `__init__.py` lists `*_handler`",
                "Set `AUTH_RUNTIME_STATE_BACKEND=redis` in snake_case_config",
                "Keep the `<!-- generated -->` marker, 5 * 3 ``a ` b`` $1");
    }

    @Test
    void indentedTextUnderAnItemIsItsDetailNotAnItem() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Validate invoice path:
                  - generate invoice
                  - download **PDF**
                - [ ] Announce
                Not indented: a note.
                """);

        assertThat(itemTexts(template)).containsExactly("Validate invoice path:", "Announce");
        assertThat(item(template, "Validate invoice path:").details())
                .containsExactly("generate invoice", "download PDF");
        assertThat(item(template, "Announce").details()).isEmpty();
    }

    @Test
    void aBoxWithoutTextIsIgnoredWithAWarning() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ]
                - [ ] Real
                """);

        assertThat(itemTexts(template)).containsExactly("Real");
        assertThat(warningsAt(template, 2)).containsExactly("checkbox without text ignored");
    }

    @Test
    void idsAreSlugsOfSectionAndText() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## A) Preconditions
                - [ ] CI green on release tag
                ## 2. Deploy
                - [ ] Apply **forward** migration
                """);

        assertThat(template.items()).extracting(ChecklistItem::id)
                .containsExactly("preconditions.ci-green-on-release-tag", "deploy.apply-forward-migration");
    }

    @Test
    void duplicateItemTextsGetDistinctIds() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Canary
                - [ ] Smoke tests pass
                - [ ] Smoke tests pass
                ## Canary
                - [ ] Smoke tests pass
                ## Full
                - [ ] Smoke tests pass
                """);

        assertThat(template.items()).extracting(ChecklistItem::id).containsExactly(
                "canary.smoke-tests-pass", "canary.smoke-tests-pass-2",
                "canary-2.smoke-tests-pass", "full.smoke-tests-pass");
    }

    @Test
    void longTextsSharingAPrefixStillGetDistinctIds() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Confirm the production database connection pool settings for service alpha
                - [ ] Confirm the production database connection pool settings for service beta
                """);

        assertThat(template.items()).extracting(ChecklistItem::id).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void anItemKeepsItsIdWhenOtherItemsAreAddedAroundIt() throws Exception {
        ChecklistTemplate before = parse("""
                # T
                ## Deploy
                - [ ] Run migrations
                """);
        ChecklistTemplate after = parse("""
                # T
                ## Prepare
                - [ ] Freeze main
                ## Deploy
                - [ ] Take a backup
                - [ ] Run migrations
                - [ ] Restart pods
                """);

        assertThat(item(after, "Run migrations").id()).isEqualTo(item(before, "Run migrations").id())
                .isEqualTo("deploy.run-migrations");
    }

    @Test
    void parsingTwiceGivesTheSameIds() throws Exception {
        String markdown = """
                # T
                ## Deploy
                - [ ] Run migrations
                - [ ] Run migrations
                  - [ ] Verify schema
                """;

        assertThat(parse(markdown).items()).extracting(ChecklistItem::id, ChecklistItem::parentId)
                .containsExactlyElementsOf(parse(markdown).items().stream()
                        .map(i -> tuple(i.id(), i.parentId())).toList())
                .contains(tuple("deploy.verify-schema", Optional.of("deploy.run-migrations-2")));
    }

    @Test
    void itemsRememberTheirLine() throws Exception {
        ChecklistTemplate template = parse("""
                # T

                - [ ] First
                - [ ] Second
                """);

        assertThat(template.items()).extracting(ChecklistItem::line).containsExactly(3, 4);
    }
}

package dev.countdown.template;

import static dev.countdown.template.Templates.itemTexts;
import static dev.countdown.template.Templates.parse;
import static dev.countdown.template.Templates.section;
import static dev.countdown.template.Templates.warningsAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateParserGatesTest {

    @Test
    void aYesNoChoiceIsNeitherAnItemNorAGate() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Security review
                - [ ] Pen test done
                Approved: [ ] Yes [ ] No
                """);

        assertThat(itemTexts(template)).containsExactly("Pen test done");
        assertThat(section(template, "Security review").gate()).isEmpty();
        assertThat(warningsAt(template, 4)).singleElement().asString()
                .contains("'Approved'", "Yes / No", "not an item and not a GO/NO-GO gate");
    }

    @Test
    void aGoNoGoChoiceIsAGateLabelledByItsLine() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Sign-off
                - [ ] Risks reviewed
                Release Decision: [ ] GO [ ] NO-GO
                """);

        Section signOff = section(template, "Sign-off");
        assertThat(itemTexts(template)).containsExactly("Risks reviewed");
        assertThat(signOff.gate()).hasValueSatisfying(gate -> {
            assertThat(gate.label()).isEqualTo("Release Decision");
            assertThat(gate.options()).containsExactly("GO", "NO-GO");
            assertThat(gate.line()).isEqualTo(4);
        });
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void aStatusLineWithEmptySquaresIsAGateNamedAfterItsSection() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## 3. Canary 25%
                - [ ] Error rate below 1%
                Status: ⬜ GO ⬜ NO-GO
                """);

        assertThat(itemTexts(template)).containsExactly("Error rate below 1%");
        assertThat(section(template, "3. Canary 25%").gate()).hasValueSatisfying(gate -> {
            assertThat(gate.label()).isEqualTo("Canary 25%");
            assertThat(gate.options()).containsExactly("GO", "NO-GO");
        });
    }

    @Test
    void aProceedOrRollbackLineIsAGate() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ### Phase 1: Canary
                - [ ] Health check green
                Phase 1 Go/No-Go: ✅ Proceed / ❌ Rollback
                """);

        assertThat(itemTexts(template)).containsExactly("Health check green");
        assertThat(section(template, "Phase 1: Canary").gate()).hasValueSatisfying(gate -> {
            assertThat(gate.label()).isEqualTo("Phase 1 Go/No-Go");
            assertThat(gate.options()).containsExactly("Proceed", "Rollback");
        });
    }

    @Test
    void aGateWrittenAsACheckboxItemIsAGateNotAnItem() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ### Phase 4: Full rollout
                - [ ] **Final Validation**: All endpoints functional
                - [ ] **Go-Live Complete**: ✅ Success / ❌ Rollback executed
                """);

        assertThat(itemTexts(template)).containsExactly("Final Validation: All endpoints functional");
        assertThat(section(template, "Phase 4: Full rollout").gate()).hasValueSatisfying(gate -> {
            assertThat(gate.label()).isEqualTo("Go-Live Complete");
            assertThat(gate.options()).containsExactly("Success", "Rollback executed");
        });
    }

    @Test
    void consecutiveGoAndNoGoItemsAreAGate() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## E) Rollback readiness
                - [ ] Rollback owner named
                ## F) Decision

                - [ ] GO
                - [ ] NO-GO

                Decision notes: ________
                """);

        assertThat(itemTexts(template)).containsExactly("Rollback owner named");
        assertThat(section(template, "E) Rollback readiness").gate()).isEmpty();
        assertThat(section(template, "F) Decision").gate()).hasValueSatisfying(gate -> {
            assertThat(gate.label()).isEqualTo("Decision");
            assertThat(gate.options()).containsExactly("GO", "NO-GO");
            assertThat(gate.line()).isEqualTo(6);
        });
    }

    @Test
    void aLineOfBoxesStartingWithABoxIsAGate() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Canary
                - [ ] Metrics green
                - [ ] GO [ ] NO-GO
                ## Full rollout
                - [ ] Traffic at 100%
                ⬜ GO ⬜ NO-GO
                """);

        assertThat(itemTexts(template)).containsExactly("Metrics green", "Traffic at 100%");
        assertThat(section(template, "Canary").gate()).hasValueSatisfying(
                gate -> assertThat(gate.options()).containsExactly("GO", "NO-GO"));
        assertThat(section(template, "Full rollout").gate()).hasValueSatisfying(
                gate -> assertThat(gate.options()).containsExactly("GO", "NO-GO"));
    }

    @Test
    void aSingleEmojiInAnItemDoesNotMakeItAChoice() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Checks
                - [ ] Backups verified ✅
                - [ ] GO/NO-GO meeting booked
                """);

        assertThat(itemTexts(template)).containsExactly("Backups verified ✅", "GO/NO-GO meeting booked");
        assertThat(section(template, "Checks").gate()).isEmpty();
    }

    @Test
    void aSecondGateInOneSectionIsIgnoredWithAWarning() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Decision
                - [ ] Risks reviewed
                Go/No-Go: [ ] GO [ ] NO-GO
                Final Go/No-Go: [ ] GO [ ] NO-GO
                """);

        assertThat(section(template, "Decision").gate())
                .hasValueSatisfying(gate -> assertThat(gate.line()).isEqualTo(4));
        assertThat(warningsAt(template, 5)).singleElement().asString().contains("already has a gate at line 4");
    }

    @Test
    void gatesOfSeveralPhasesStayOnTheirOwnSections() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                ## Phase 1
                - [ ] 5% traffic
                Phase 1 Go/No-Go: ✅ Proceed / ❌ Rollback
                ## Phase 2
                - [ ] 25% traffic
                Phase 2 Go/No-Go: ✅ Proceed / ❌ Rollback
                ## Wrap-up
                - [ ] Retro booked
                """);

        assertThat(template.gatedSections()).extracting(Section::title).containsExactly("Phase 1", "Phase 2");
        assertThat(template.gatedSections()).extracting(s -> s.gate().orElseThrow().label())
                .containsExactly("Phase 1 Go/No-Go", "Phase 2 Go/No-Go");
    }

    @Test
    void anItemThatMerelyContainsTwoMarksStaysAnItem() throws Exception {
        var template = Templates.parse("""
                # T
                ## Checks
                - [ ] Smoke tests ✅ on staging and ✅ on production
                - [ ] Every PR box is ticked (`[x]` and `[ ]` in code are text)
                - [ ] Phase 1 Go/No-Go: ✅ Proceed / ❌ Rollback
                """);
        org.assertj.core.api.Assertions.assertThat(template.items()).extracting(i -> i.text()).containsExactly(
                "Smoke tests ✅ on staging and ✅ on production",
                "Every PR box is ticked (`[x]` and `[ ]` in code are text)");
        org.assertj.core.api.Assertions.assertThat(template.sections().getFirst().gate()).isPresent();
    }
}

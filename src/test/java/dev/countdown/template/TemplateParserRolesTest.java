package dev.countdown.template;

import static dev.countdown.template.Templates.itemTexts;
import static dev.countdown.template.Templates.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class TemplateParserRolesTest {

    @Test
    void aSignOffTableGivesTheRolesOfItsRoleColumn() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deployed

                ## Sign-off

                | Name | Role | Signature | Date |
                |------|:-----|-----------|------|
                | | **Deployment Lead** | ________________ | _________ |
                | | __Engineering Manager__ | | |
                |  |  |  |  |
                | | ________ | | |
                | Ana | QA Lead | | |
                """);

        assertThat(template.roles()).extracting(ApprovalRole::id, ApprovalRole::title).containsExactly(
                tuple("deployment-lead", "Deployment Lead"),
                tuple("engineering-manager", "Engineering Manager"),
                tuple("qa-lead", "QA Lead"));
        assertThat(template.roles()).extracting(ApprovalRole::line).containsExactly(8, 9, 12);
        assertThat(itemTexts(template)).containsExactly("Deployed");
    }

    @Test
    void aTableWithoutARoleColumnGivesNoRoles() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deployed

                | Service | Owner |
                |---------|-------|
                | api     | Backend Lead |
                """);

        assertThat(template.roles()).isEmpty();
    }

    @Test
    void anApprovedByLineNamesRoles() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deployed

                Approved by: Backend Lead, QA Lead and DBA
                """);

        assertThat(template.roles()).extracting(ApprovalRole::id, ApprovalRole::title).containsExactly(
                tuple("backend-lead", "Backend Lead"), tuple("qa-lead", "QA Lead"), tuple("dba", "DBA"));
        assertThat(itemTexts(template)).containsExactly("Deployed");
    }

    @Test
    void approvedByInBoldWithOtherSeparatorsNamesRoles() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deployed

                **Approved by:** Release Manager; SRE & Product Owner, and Security Lead
                """);

        assertThat(template.roles()).extracting(ApprovalRole::title)
                .containsExactly("Release Manager", "SRE", "Product Owner", "Security Lead");
    }

    @Test
    void aRoleNamedTwiceIsOneRole() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deployed

                | Role | Name |
                |------|------|
                | DBA | |
                | QA Lead | |

                Approved by: **DBA**, qa lead
                """);

        assertThat(template.roles()).extracting(ApprovalRole::title).containsExactly("DBA", "QA Lead");
    }

    @Test
    void aBlankApprovedByLineGivesNoRoles() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Deployed

                Approved by: ____________
                """);

        assertThat(template.roles()).isEmpty();
    }

    @Test
    void andSplitsRolesOnlyInACommaList() throws Exception {
        var one = Templates.parse("# T\n## S\n- [ ] x\n\nApproved by: Research and Development Lead\n");
        org.assertj.core.api.Assertions.assertThat(one.roles()).extracting(r -> r.title())
                .containsExactly("Research and Development Lead");
        var three = Templates.parse("# T\n## S\n- [ ] x\n\nApproved by: Backend Lead, QA Lead and DBA\n");
        org.assertj.core.api.Assertions.assertThat(three.roles()).extracting(r -> r.title())
                .containsExactly("Backend Lead", "QA Lead", "DBA");
    }
}

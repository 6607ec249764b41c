package dev.countdown.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.countdown.Countdown;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real checklists beside the project, counted as a careful person counts them. */
class SharedChecklistsTest {

    private static final Path SHARED = Path.of("..", "shared", "checklists");

    @BeforeEach
    void requireSharedChecklists() {
        Assumptions.assumeTrue(Files.isDirectory(SHARED), SHARED.toAbsolutePath().normalize() + " absent");
    }

    static Stream<Path> sharedFiles() throws IOException {
        if (!Files.isDirectory(SHARED)) {
            return Stream.of(SHARED.resolve("(absent)"));
        }
        try (Stream<Path> files = Files.list(SHARED)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    private static ChecklistTemplate parse(String name) throws Exception {
        return new TemplateParser().parse(SHARED.resolve(name));
    }

    private static List<Integer> itemCounts(ChecklistTemplate template) {
        return template.sections().stream().map(s -> s.items().size()).toList();
    }

    @Test
    void phase2GoNoGo() throws Exception {
        ChecklistTemplate template = parse("phase2-go-no-go.md");

        assertThat(template.title()).isEqualTo("Phase 2 Go/No-Go Checklist");
        assertThat(template.sections()).extracting(Section::title).containsExactly(
                "A) Preconditions (Must be PASS before deploy)", "B) Deployment Execution",
                "C) Post-Deploy Smoke (Production/Staging)", "D) Observability and Safety",
                "E) Rollback Readiness Check", "F) Decision", "G) Sign-off");
        assertThat(itemCounts(template)).containsExactly(7, 4, 6, 4, 3, 0, 0);
        assertThat(template.items()).hasSize(24).noneMatch(ChecklistItem::checked);
        assertThat(template.gatedSections()).extracting(Section::title, s -> s.gate().orElseThrow().label())
                .containsExactly(tuple("F) Decision", "Decision"));
        assertThat(template.roles()).extracting(ApprovalRole::title).containsExactly(
                "Backend Lead", "QA Lead", "DBA", "Product Owner", "Incident Commander");
        assertThat(template.items()).extracting(ChecklistItem::text)
                .contains("CI green on release commit/tag")
                .doesNotContain("GO", "NO-GO");
    }

    @Test
    void portalApiGoLive() throws Exception {
        ChecklistTemplate template = parse("portal-api-go-live.md");

        assertThat(template.title()).isEqualTo("Portal API v1.0.0 Go-Live Checklist");
        assertThat(template.items()).hasSize(76).noneMatch(ChecklistItem::checked);
        assertThat(template.gatedSections()).extracting(Section::title, s -> s.gate().orElseThrow().label())
                .containsExactly(
                        tuple("Phase 1: Initial Canary (5% - 15-30 minutes)", "Phase 1 Go/No-Go"),
                        tuple("Phase 2: Expanded Canary (25% - 30-45 minutes)", "Phase 2 Go/No-Go"),
                        tuple("Phase 3: Majority Canary (50% - 45-60 minutes)", "Phase 3 Go/No-Go"),
                        tuple("Phase 4: Full Rollout (100% - ongoing)", "Go-Live Complete"));
        assertThat(template.gatedSections()).allSatisfy(s -> assertThat(s.level()).isEqualTo(3));
        assertThat(template.roles()).extracting(ApprovalRole::title).containsExactly(
                "Deployment Lead", "Engineering Manager", "Product Manager", "Security Lead", "Release Manager");
        assertThat(template.items()).extracting(ChecklistItem::text)
                .contains("Change Ticket: CHG-2025090201 approved by CAB")
                .noneMatch(text -> text.contains("**") || text.contains("[ ]") || text.contains("✅"));
        assertThat(itemCounts(template).stream().mapToInt(Integer::intValue).sum()).isEqualTo(76);
    }

    @Test
    void portalApiGoLiveKeepsTheRollbackCommandsAsVerification() throws Exception {
        ChecklistTemplate template = parse("portal-api-go-live.md");

        Section commands = Templates.section(template, "Rollback Commands");
        assertThat(commands.level()).isEqualTo(3);
        assertThat(commands.items()).isEmpty();
        assertThat(commands.verification()).contains(
                "# Emergency traffic switch",
                "kubectl patch service portal-api-prod",
                "curl -f https://portal.example.com/v1/health",
                "kubectl scale deployment portal-api-canary --replicas=0");
        assertThat(template.sections()).extracting(Section::title)
                .doesNotContain("Emergency traffic switch", "Verify rollback", "Scale down canary")
                .containsSubsequence("Rollback Commands", "Post-Rollback Actions");
    }

    @Test
    void releaseChecklist() throws Exception {
        ChecklistTemplate template = parse("release-checklist.md");

        assertThat(template.title()).isEqualTo("Release Checklist");
        assertThat(template.sections()).extracting(Section::title).containsExactly(
                "1. Pre-release gates", "2. Database and migration safety", "3. Deployment plan",
                "4. Rollback plan", "5. Post-release validation", "6. Security and compliance");
        assertThat(itemCounts(template)).containsExactly(5, 4, 4, 5, 5, 8);
        assertThat(template.items()).hasSize(31);
        assertThat(template.gatedSections()).isEmpty();
        assertThat(template.roles()).isEmpty();
        assertThat(Templates.item(template, "Validate monetization smoke path:").details()).containsExactly(
                "generate invoice snapshot,", "download PDF invoice,",
                "export accounting CSV for `xero` and `quickbooks`.");
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void everyItemHasAUniqueIdThatParsingAgainKeeps(Path file) throws Exception {
        ChecklistTemplate first = new TemplateParser().parse(file);
        ChecklistTemplate second = new TemplateParser().parse(file);

        List<String> ids = first.items().stream().map(ChecklistItem::id).toList();
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+\\.[a-z0-9-]+"));
        assertThat(second.items()).extracting(ChecklistItem::id).containsExactlyElementsOf(ids);
        assertThat(first.items()).allSatisfy(item -> item.parentId().ifPresent(
                parent -> assertThat(ids).contains(parent)));
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void lintJsonHasExactlyTheDocumentedShape(Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Countdown.tools().run(new String[] {"template", "lint", file.toString(), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(keys(json)).isEqualTo(Set.of("title", "sections", "roles", "warnings"));
        assertThat(json.get("title").isTextual()).isTrue();
        assertThat(json.get("sections")).isNotEmpty().allSatisfy(section -> {
            assertThat(keys(section)).isEqualTo(Set.of("title", "level", "items", "gate"));
            assertThat(section.get("title").isTextual()).isTrue();
            assertThat(section.get("level").isInt()).isTrue();
            assertThat(section.get("items").isArray()).isTrue();
            section.get("items").forEach(item -> {
                assertThat(keys(item)).isEqualTo(Set.of("id", "text", "checked"));
                assertThat(item.get("id").isTextual()).isTrue();
                assertThat(item.get("text").isTextual()).isTrue();
                assertThat(item.get("checked").isBoolean()).isTrue();
            });
            JsonNode gate = section.get("gate");
            if (!gate.isNull()) {
                assertThat(keys(gate)).isEqualTo(Set.of("label"));
                assertThat(gate.get("label").isTextual()).isTrue();
            }
        });
        assertThat(json.get("roles").isArray()).isTrue();
        json.get("roles").forEach(role -> {
            assertThat(keys(role)).isEqualTo(Set.of("id", "title"));
            assertThat(role.get("id").isTextual()).isTrue();
            assertThat(role.get("title").isTextual()).isTrue();
        });
        assertThat(json.get("warnings").isArray()).isTrue();
        json.get("warnings").forEach(warning -> {
            assertThat(keys(warning)).isEqualTo(Set.of("line", "message"));
            assertThat(warning.get("line").isInt()).isTrue();
            assertThat(warning.get("message").isTextual()).isTrue();
        });
        int items = 0;
        for (JsonNode section : json.get("sections")) {
            items += section.get("items").size();
        }
        assertThat(items).isEqualTo(new TemplateParser().parse(file).items().size());
    }

    private static Set<String> keys(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
                .collect(java.util.stream.Collectors.toSet());
    }
}

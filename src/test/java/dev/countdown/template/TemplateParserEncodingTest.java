package dev.countdown.template;

import static dev.countdown.template.Templates.itemTexts;
import static dev.countdown.template.Templates.parse;
import static dev.countdown.template.Templates.parseBytes;
import static dev.countdown.template.Templates.section;
import static dev.countdown.template.Templates.warningsAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateParserEncodingTest {

    private static final String CHECKLIST = """
            # Release ✅ Checklist

            ## Deploy 🚀
            - [ ] Café menu updated
              - [x] Grüße an das Team
            Release Decision: [ ] GO [ ] NO-GO

            | Role | Name |
            |------|------|
            | QA Lead | |
            """;

    /** What a UTF-8 text looks like after a tool read its bytes as {@code charset}. */
    private static String misDecoded(String text, String charset) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(charset));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void crlfLineEndsChangeNothing() throws Exception {
        String lf = TemplateJson.write(parse(CHECKLIST));

        assertThat(TemplateJson.write(parse(CHECKLIST.replace("\n", "\r\n")))).isEqualTo(lf);
    }

    @Test
    void aByteOrderMarkChangesNothing() throws Exception {
        String plain = TemplateJson.write(parse(CHECKLIST));

        assertThat(TemplateJson.write(parseBytes("checklist.md", concat(BOM, utf8(CHECKLIST))))).isEqualTo(plain);
        assertThat(TemplateJson.write(parseBytes("checklist.md", concat(BOM, utf8(CHECKLIST.replace("\n", "\r\n"))))))
                .isEqualTo(plain);
    }

    @Test
    void theParsedChecklistIsWhatTheTextSays() throws Exception {
        ChecklistTemplate template = parse(CHECKLIST);

        assertThat(template.title()).isEqualTo("Release ✅ Checklist");
        assertThat(itemTexts(template)).containsExactly("Café menu updated", "Grüße an das Team");
        assertThat(section(template, "Deploy 🚀").gate()).isPresent();
        assertThat(template.roles()).extracting(ApprovalRole::title).containsExactly("QA Lead");
        assertThat(template.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-MacRoman", "windows-1252"})
    void misDecodedTitlesAndItemsAreRepairedWithAWarningNamingTheLine(String charset) throws Exception {
        String broken = """
                # %s
                ## Deploy
                - [ ] %s
                - [ ] Plain item
                """.formatted(misDecoded("Launch 🚀 Checklist", charset), misDecoded("Smoke tests ✅ on café", charset));
        assertThat(broken).doesNotContain("🚀", "✅");

        ChecklistTemplate template = parse(broken);

        assertThat(template.title()).isEqualTo("Launch 🚀 Checklist");
        assertThat(itemTexts(template)).containsExactly("Smoke tests ✅ on café", "Plain item");
        assertThat(warningsAt(template, 1)).singleElement().asString().startsWith("repaired mis-decoded text").contains("🚀");
        assertThat(warningsAt(template, 3)).singleElement().asString().contains("✅", "é");
        assertThat(warningsAt(template, 4)).isEmpty();
    }

    @Test
    void misDecodedSymbolsInTheBriefsExamplesAreRepaired() throws Exception {
        ChecklistTemplate template = parse("""
                # Go-Live ‚úÖ
                ## Phase 1
                - [ ] Deployed âœ…
                - [ ] Menu says CafÃ©
                Phase 1 Go/No-Go: ‚úÖ Proceed / ‚ùå Rollback
                """);

        assertThat(template.title()).isEqualTo("Go-Live ✅");
        assertThat(itemTexts(template)).containsExactly("Deployed ✅", "Menu says Café");
        assertThat(section(template, "Phase 1").gate()).hasValueSatisfying(gate -> {
            assertThat(gate.label()).isEqualTo("Phase 1 Go/No-Go");
            assertThat(gate.options()).containsExactly("Proceed", "Rollback");
        });
        assertThat(template.warnings()).extracting(w -> w.line()).containsExactly(1, 3, 4, 5);
    }

    @Test
    void ordinaryAccentedTextIsLeftAlone() throws Exception {
        ChecklistTemplate template = parse("""
                # Café Grüße
                - [ ] naïve São Paulo AÇÃO Noël ¿Qué? “quoted” – dash
                """);

        assertThat(template.title()).isEqualTo("Café Grüße");
        assertThat(itemTexts(template)).containsExactly("naïve São Paulo AÇÃO Noël ¿Qué? “quoted” – dash");
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void textThatCouldBeRepairedTwoWaysIsLeftWithAWarning() throws Exception {
        ChecklistTemplate template = parse("""
                # T
                - [ ] Code Õ± here
                """);

        assertThat(itemTexts(template)).containsExactly("Code Õ± here");
        assertThat(warningsAt(template, 2)).singleElement().asString().contains("more than one way");
    }

    @Test
    void aWindows1252FileIsReadWithAWarning() throws Exception {
        byte[] bytes = "# Caf\u00e9 release\n- [ ] Men\u00fc updated\n- [ ] caf\u00e9 open\n".getBytes(Charset.forName("windows-1252"));

        ChecklistTemplate template = parseBytes("cafe.md", bytes);

        assertThat(template.title()).isEqualTo("Café release");
        assertThat(itemTexts(template)).containsExactly("Menü updated", "café open");
        assertThat(warningsAt(template, 1)).singleElement().asString().contains("not valid UTF-8", "Windows-1252");
    }

    @Test
    void aByteOrderMarkChangesNothingEvenWhenTheRestIsNotUtf8() throws Exception {
        byte[] bytes = concat(BOM, "# Caf\u00e9 release\n- [ ] caf\u00e9 open\n".getBytes(Charset.forName("windows-1252")));

        ChecklistTemplate template = parseBytes("cafe.md", bytes);

        assertThat(template.title()).isEqualTo("Café release");
        assertThat(itemTexts(template)).containsExactly("café open");
        assertThat(template.warnings()).extracting(w -> w.message())
                .noneMatch(m -> m.contains("no level-1 heading") || m.contains("repaired"));
    }

    @Test
    void aUtf16FileIsReadWithAWarning() throws Exception {
        ChecklistTemplate utf8 = parse(CHECKLIST);

        for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] bytes = ("\uFEFF" + CHECKLIST).getBytes(utf16);
            ChecklistTemplate template = parseBytes("checklist.md", bytes);
            assertThat(template.items()).isEqualTo(utf8.items());
            assertThat(template.title()).isEqualTo(utf8.title());
            assertThat(warningsAt(template, 1)).singleElement().asString().contains("UTF-16");
        }
    }
}

package dev.countdown.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MojibakeRepairTest {

    private static String misDecoded(String text, String charset) {
        return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(charset));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "‚úÖ Done      | ✅ Done",
        "‚ùå Rollback  | ❌ Rollback",
        "âœ… Done      | ✅ Done",
        "CafÃ©         | Café",
        "GrÃ¼ÃŸe       | Grüße",
        "Caf√©         | Café",
    })
    void repairsTheExamplesOfTheIssue(String broken, String expected) {
        MojibakeRepair.Result result = MojibakeRepair.repair(broken);

        assertThat(result.text()).isEqualTo(expected);
        assertThat(result.repairs()).isNotEmpty();
        assertThat(result.ambiguous()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-MacRoman", "windows-1252"})
    void repairsUtf8ReadAsEitherCharset(String charset) {
        String original = "🚀 Launch ✅ naïve café — ‘done’ → next";
        String broken = misDecoded(original, charset);
        assertThat(broken).isNotEqualTo(original);

        MojibakeRepair.Result result = MojibakeRepair.repair(broken);

        assertThat(result.text()).isEqualTo(original);
        assertThat(result.repairs()).contains(
                broken.substring(0, broken.indexOf(' ')) + " → 🚀");
    }

    @ParameterizedTest
    @CsvSource({
        "x-MacRoman,   Привет мир",
        "windows-1252, Привет мир",
        "x-MacRoman,   API调用 – שלום",
        "windows-1252, API调用",
    })
    void repairsOtherScriptsToo(String charset, String original) {
        assertThat(MojibakeRepair.repair(misDecoded(original, charset)).text()).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Café", "Grüße", "naïve", "São Paulo", "AÇÃO", "Noël", "¿Qué tal?", "“quoted” – dash",
        "✅ already fine", "🚀 launch", "日本語のチェックリスト", "plain ascii",
        // typographic punctuation next to an accented letter forms byte pairs that decode to something
        "l’été", "qu’à", "“école”", "„Gruß“", "«\u00A0école\u00A0»",
    })
    void leavesOrdinaryTextAlone(String text) {
        MojibakeRepair.Result result = MojibakeRepair.repair(text);

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.repairs()).isEmpty();
        assertThat(result.ambiguous()).isFalse();
    }

    @Test
    void describesEachRepair() {
        MojibakeRepair.Result result = MojibakeRepair.repair("âœ… and Ã©");

        assertThat(result.repairs()).containsExactly("âœ… → ✅", "Ã© → é");
    }

    @Test
    void leavesTextThatTwoCharsetsWouldRepairDifferentlyAndSaysSo() {
        MojibakeRepair.Result result = MojibakeRepair.repair("x Õ± y");

        assertThat(result.text()).isEqualTo("x Õ± y");
        assertThat(result.repairs()).isEmpty();
        assertThat(result.ambiguous()).isTrue();
    }

    @Test
    void doesNotRepairIntoControlCharacters() {
        // C2 85 would be U+0085 (NEXT LINE): "Â…" is left as written
        MojibakeRepair.Result result = MojibakeRepair.repair("Â…");

        assertThat(result.text()).isEqualTo("Â…");
        assertThat(result.repairs()).isEmpty();
    }
}

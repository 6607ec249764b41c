package dev.countdown.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scans that replaced the manifest readers' patterns agree with those patterns on short texts. */
class ScansOracleTest {

    private static final Pattern NOT_CODE = Pattern.compile(
            "'[^']*(?:''[^']*)*'|\"[^\"]*(?:\"\"[^\"]*)*\"|--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern UNCLOSED = Pattern.compile("\\$\\{[^}]*$");
    private static final int TRIES = 30_000;

    private final Random random = new Random(20261129);

    private String text(String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void sqlLiteralsAndComments() {
        for (int i = 0; i < TRIES; i++) {
            String sql = text("'\"-/*\na; ", 14);
            assertThat(SqlText.code(sql)).as("'%s'", sql).isEqualTo(NOT_CODE.matcher(sql).replaceAll(" "));
        }
    }

    @Test
    void environmentReferences() {
        for (int i = 0; i < TRIES; i++) {
            String value = text("${}a_", 12);
            List<String> names = new ArrayList<>();
            Matcher m = REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
            SecretString secret = new SecretString(value);
            assertThat(secret.references()).as("'%s'", value).containsExactlyElementsOf(names.stream().distinct().toList());
            assertThat(secret.resolve(name -> "<" + name + ">")).as("'%s'", value)
                    .isEqualTo(REFERENCE.matcher(value).replaceAll(r -> Matcher.quoteReplacement("<" + r.group(1) + ">")));
            assertThat(value.lastIndexOf("${") > value.lastIndexOf('}')).as("'%s'", value)
                    .isEqualTo(UNCLOSED.matcher(value).find());
        }
    }
}

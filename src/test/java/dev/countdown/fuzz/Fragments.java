package dev.countdown.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Markdown-ish and YAML-ish text made of pieces that real checklists and manifests hold, of long
 * runs of the characters the readers look for, and of characters that trouble decoders.
 */
final class Fragments {

    static final List<String> MARKDOWN = List.of(
            "# Release", "## Pre-release", "### 1. Checks", "#", "####### seven", "# Title #", "#no space",
            "- [ ] Backups verified", "- [x] Tag cut", "* [X] Done", "+ [ ] Plus", "1. [ ] Numbered", "12) [ ] Paren",
            "  - [ ] Nested", "\t- [ ] Tabbed", "    - [ ] Deep", "☐ Box", "☑ Checked", "☒ Crossed", "⬜ Empty",
            "- [ ]", "- [ ] [ ] twice", "- [✓] tick", "- [✔] heavy tick",
            "Decision: [ ] GO [ ] NO-GO", "Phase 1 Go/No-Go: ✅ Proceed / ❌ Rollback", "Status: ⬜ GO ⬜ NO-GO",
            "Approved: [ ] Yes [ ] No", "- [ ] GO", "- [ ] NO-GO", "Gate: 🟢 go 🔴 hold", "✔️ ok ✖️ not ok", "❎ x ✅ y",
            "```bash", "```", "~~~", "~~~~python", "````", "``` `", "kubectl rollout status deploy/web",
            "| Role | Name | Approved |", "| --- | --- | --- |", "|:--|--:|:-:|", "| QA Lead | | [ ] |",
            "| Item | [x] |", "| a \\| b | c |", "|", "||", "|--|", "| Sign-off roles |",
            "Approved by: QA Lead, DBA and SRE", "Sign-off by: A & B; C", "Approvers: Research and Development Lead",
            "<!-- comment", "-->", "<!-- x -->", "<!---->", "---", "***", "___", "- - -", "* * *", "===", "Title",
            "**bold**", "__strong__", "_em_", "*em*", "`code`", "``a ` b``", "`__init__.py`", "5 * 3", "snake_case_name",
            "> quote", "    indented code", "Notes: see runbook", "________", "- ________", "1) A) B)",
            "é ü ß 日本 עברית", "✅ ❌ 🟢 🔴", "âœ…", "‚úÖ", "Ã©tÃ©", "l’été", "“école”", "\u00A0«\u00A0é",
            "\uFFFF0\uFFFF", "\uFFFD", "\uFEFF", "\u2028", "\u2029", "\u0085", "\u200D", "\u0301", "\t", "");

    static final List<String> YAML = List.of(
            "service: web", "service: portal-api", "service: ~", "service: [a, b]", "template: web.md",
            "template: ../shared/go.md", "template: \"a\\0b.md\"", "template:", "description: the web front",
            "channels: { slack: [C0123ABCD] }", "channels:", "  slack: [C0WEB0001]", "  discord: [123456789012345678]",
            "  slack: C0123ABCD", "roles:", "  qa-lead:", "    title: QA Lead", "    owners:",
            "      slack-users: [U012AB3CD]", "      slack-groups: [S0123ABC]", "    approvals: 2", "    approvals: 0",
            "permissions:", "  start: { slack-users: [U0RM00001] }", "  decide: { roles: [qa-lead] }",
            "probes:", "  health:", "    type: http", "    url: https://web/health", "    url: \"${HEALTH_URL}\"",
            "    expect: { status: 200 }", "    expect: { status: 200, json: { path: $.status, value: UP } }",
            "    type: sql", "    url: jdbc:h2:mem:x", "    query: SELECT 1", "    query: \"SELECT 'a''b' -- c\"",
            "    query: \"UPDATE t SET a = 1; DROP TABLE t\"", "    expect: { rows: 1 }", "    type: tls",
            "    host: example.com", "    expect: { days-left: \">= 14\" }", "    type: prometheus", "    query: up",
            "    type: github-actions", "    repository: org/web", "    workflows: [ci]", "    timeout: 2s",
            "    retries: 3", "bindings:", "  health: [checks.health-returns-200]", "policy:",
            "  required-roles: [qa-lead]", "  quorum: { at-least: 2, of: [qa-lead, sre] }",
            "  review-band: { min-passing: 90%, requires: [qa-lead] }", "  review-band: { min-passing: 9 of 10 }",
            "  override: { requires: { cto: 1 } }", "  evidence-max-age: 1h30m", "  evidence-max-age: 0s",
            "  auto-decide: true", "rollback:", "  template: rollback.md", "  triggers: [error rate]",
            "  decision-owner: qa-lead", "  action:", "    url: https://deploy/rollback", "    method: PATCH",
            "    headers: { Authorization: \"Bearer ${TOKEN}\", X-Api-Key: literal }", "    body: '{}'",
            "watch: { window: 2h, every: 5m, probes: [health], failures: 2 }", "---", "...", "&anchor value",
            "key: &a [1, 2]", "other: *a", "<<: *a", "!!binary aGVsbG8=", "? complex key", ": value", "- item", "-",
            "[a, [b, [c]]]", "{a: {b: {c: d}}}", "key: |", "key: >-", "  folded text", "\"quoted \\u0000 \\x41\"",
            "'single ''quote'''", "%YAML 1.2", "%TAG ! tag:x,2000:", "key: value # comment", "\ttab: indented",
            "key: [unclosed", "key: \"unclosed", "1e99999: x", "duplicate: 1", "duplicate: 2", "null", "0x1F", ".inf",
            "2001-12-14t21:59:43.10-05:00", "key: \"${\"", "key: \"${${${\"", "é: ✅", "\uFEFF", "\u2028", "");

    /** Characters whose long runs the readers' line forms look for. */
    private static final List<String> RUNS = List.of("-", "*", "_", "`", "#", "|", " ", "\t", "~", "=", "<!--", "[ ]",
            "✅", "${", "'", "\"", "/*", "- ", "* ", "|--", "**a", " *a", "`x", "[", "{a: ", "- [ ] ", "é", "\u2028");
    private static final List<String> LINE_ENDS = List.of("\n", "\n", "\n", "\r\n", "\r");

    private Fragments() {
    }

    /** A text of up to about 60 lines drawn from {@code fragments}, long runs and odd characters. */
    static String text(Random random, List<String> fragments) {
        StringBuilder text = new StringBuilder();
        String lineEnd = pick(random, LINE_ENDS);
        for (int lines = random.nextInt(60); lines > 0; lines--) {
            switch (random.nextInt(12)) {
                case 0 -> text.append(longRun(random));
                case 1 -> text.append(pick(random, fragments)).append(longRun(random));
                case 2 -> text.append(oddCharacters(random));
                case 3 -> text.append(" ".repeat(random.nextInt(9))).append(pick(random, fragments));
                case 4 -> text.append(pick(random, fragments)).append(' ').append(pick(random, fragments));
                default -> text.append(pick(random, fragments));
            }
            text.append(random.nextInt(8) == 0 ? pick(random, LINE_ENDS) : lineEnd);
        }
        if (random.nextInt(50) == 0) {
            text.insert(random.nextInt(text.length() + 1), '\0');
        }
        return text.toString();
    }

    /** A run of one piece, mostly short, sometimes 100,000 characters long. */
    static String longRun(Random random) {
        int length = switch (random.nextInt(10)) {
            case 0 -> 100_000;
            case 1, 2 -> 2_000 + random.nextInt(10_000);
            default -> 1 + random.nextInt(200);
        };
        String piece = pick(random, RUNS);
        return piece.repeat(Math.max(1, length / piece.length()));
    }

    /** A few characters from anywhere in Unicode, lone surrogates and controls included. */
    static String oddCharacters(Random random) {
        StringBuilder odd = new StringBuilder();
        for (int n = 1 + random.nextInt(12); n > 0; n--) {
            odd.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) random.nextInt(0x10000);
                case 2 -> new String(Character.toChars(random.nextInt(Character.MAX_CODE_POINT + 1)));
                default -> (char) (0x80 + random.nextInt(0x180));
            });
        }
        return odd.toString();
    }

    /** Bytes of any value, sometimes behind a byte-order mark. */
    static byte[] rawBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(random.nextInt(10) == 0 ? 200_000 : 2_000)];
        random.nextBytes(bytes);
        if (bytes.length >= 3 && random.nextInt(4) == 0) {
            byte[][] marks = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}};
            byte[] mark = marks[random.nextInt(marks.length)];
            System.arraycopy(mark, 0, bytes, 0, mark.length);
        }
        return bytes;
    }

    static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}

package dev.countdown.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The evidence bundle for people: rendered from the sealed JSON, so both say the same. */
public final class EvidenceMarkdown {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u2028\\u2029]+");
    /** "# title #": the last #s would close a heading and vanish. */
    private static final Pattern CLOSING_HASHES = Pattern.compile("(^|\\s)(#+\\s*)$");
    /** "1. text" or "1) text" at the start of a line opens an ordered list. */
    private static final Pattern ORDERED_LIST = Pattern.compile("^(\\d{1,9})([.)])");

    private EvidenceMarkdown() {
    }

    public static String render(JsonNode bundle) {
        JsonNode release = bundle.path("release");
        StringBuilder md = new StringBuilder();
        md.append("# Evidence: ").append(text(release, "service")).append(' ').append(text(release, "version"))
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Release", text(release, "id"));
        row(md, "State", text(release, "state"));
        row(md, "Round", text(release, "round"));
        row(md, "Checklist", text(release, "template"));
        row(md, "Started", text(release, "startedAt") + " by " + text(release, "startedBy"));
        row(md, "Generated", text(bundle, "generatedAt"));
        row(md, "Audit chain head", code(bundle.path("audit").path("head").asText()));
        md.append('\n');
        md.append("## Decisions\n\n");
        if (bundle.path("decisions").isEmpty()) {
            md.append("None yet.\n");
        }
        for (JsonNode d : bundle.path("decisions")) {
            md.append("- **").append(text(d, "outcome")).append("**")
                    .append(d.path("overridden").asBoolean() ? " (override)" : "")
                    .append(" — ").append(text(d, "gate")).append(", round ").append(text(d, "round"))
                    .append(", ").append(text(d, "at")).append(" by ").append(text(d, "by")).append('\n');
            for (JsonNode reason : d.path("reasons")) {
                md.append("  - ").append(text(reason, "text")).append('\n');
            }
        }
        md.append("\n## Checklist\n");
        for (JsonNode s : bundle.path("sections")) {
            md.append('\n').append("#".repeat(Math.min(6, 2 + s.path("level").asInt() - 1))).append(' ')
                    .append(text(s, "title")).append("\n\n");
            for (JsonNode i : s.path("items")) {
                md.append("- [").append(i.path("state").asText().equals("pass") ? "x" : " ").append("] ")
                        .append(text(i, "text")).append(" — **").append(text(i, "state")).append("**");
                if (!i.path("by").isNull()) {
                    md.append(", ").append(escape(done(i.path("state").asText()))).append(" by ").append(text(i, "by"))
                            .append(", ").append(text(i, "at"));
                }
                md.append('\n');
                for (JsonNode n : i.path("notes")) {
                    md.append("  - ").append(n.path("state").asText().equals("fail") ? "Failure reason" : "Note")
                            .append(" by ").append(text(n, "by")).append(", ").append(text(n, "at")).append(": ")
                            .append(text(n, "text")).append('\n');
                }
            }
            if (!s.path("gate").isNull()) {
                JsonNode decided = s.path("gateDecision");
                md.append("- Gate: ").append(text(s, "gate")).append(decided.isObject() ? " — decided **"
                        + text(decided, "outcome") + "**" + (decided.path("overridden").asBoolean() ? " (override)" : "")
                        + " by " + text(decided, "by") + ", " + text(decided, "at") : " — not decided").append('\n');
            }
        }
        md.append("\n## Probes\n\n");
        if (bundle.path("probes").isEmpty()) {
            md.append("No probe has run.\n");
        } else {
            md.append("| Probe | Result | Summary | When | Run by |\n|---|---|---|---|---|\n");
            for (JsonNode p : bundle.path("probes")) {
                md.append("| ").append(text(p, "name")).append(" (").append(text(p, "type"))
                        .append(") | **").append(text(p, "outcome")).append("** | ")
                        .append(text(p, "summary")).append(" | ").append(text(p, "at"))
                        .append(" | ").append(text(p, "by")).append(" |\n");
            }
            md.append("\nWhat each probe asked and what came back is in the audit trail's probe events.\n");
        }
        md.append("\n## Approvals\n\n| Role | Needed | Votes |\n|---|---|---|\n");
        for (JsonNode a : bundle.path("approvals")) {
            StringBuilder votes = new StringBuilder();
            for (JsonNode v : a.path("votes")) {
                votes.append(votes.isEmpty() ? "" : "; ").append(text(v, "vote")).append(" by ").append(text(v, "by"));
            }
            md.append("| ").append(text(a, "title")).append(" | ").append(a.path("needed").asInt())
                    .append(a.path("required").asBoolean() ? " (required)" : "").append(" | ")
                    .append(votes.isEmpty() ? "—" : votes.toString()).append(" |\n");
        }
        md.append("\n## Audit trail\n\n| # | When | Who | What | Subject | Before → after | Note | Hash |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        Map<String, String> people = new HashMap<>();
        bundle.path("people").forEach(p -> people.put(p.path("id").asText(), p.path("name").asText()));
        for (JsonNode e : bundle.path("audit").path("events")) {
            String id = e.path("actorSource").asText() + ":" + e.path("actorId").asText();
            md.append("| ").append(e.path("seq").asInt()).append(" | ").append(text(e, "at")).append(" | ")
                    .append(escape(people.getOrDefault(id, e.path("actorName").asText()))).append(" (")
                    .append(text(e, "actorSource")).append(" ").append(text(e, "actorId"))
                    .append(") | ").append(text(e, "type")).append(" | ").append(text(e, "subject"))
                    .append(" | ").append(text(e, "before")).append(" → ").append(text(e, "after"))
                    .append(" | ").append(text(e, "note"))
                    .append(" | ").append(code(shortHash(e.path("hash").asText()))).append(" |\n");
        }
        md.append("\n## Verifying this evidence\n\nDownload the JSON bundle of the same release and run\n`java -jar countdown.jar "
                + "evidence verify bundle.json`. Each event's hash is ").append(text(bundle.path("audit"), "algorithm"))
                .append("; the first event's previousHash is 64 zeros. Compare the chain head above with "
                + "the one Countdown posted when the decision was made.\n");
        return md.toString();
    }

    /** "passed", "marked n/a": what was done to an item in a state labelled so in the bundle. */
    private static String done(String state) {
        return switch (state) {
            case "pass" -> "passed";
            case "fail" -> "failed";
            case "n/a" -> "marked n/a";
            case "blocked" -> "blocked";
            case "pending" -> "reset to pending";
            default -> state;
        };
    }

    private static void row(StringBuilder md, String name, String markdown) {
        md.append("| ").append(name).append(" | ").append(markdown).append(" |\n");
    }

    /** A field of the bundle as inert Markdown: even states and times, since a bundle is only JSON. */
    private static String text(JsonNode node, String field) {
        return escape(node.path(field).asText());
    }

    /**
     * User text (a note, a name, a reason, a probe's summary) as one line of Markdown that shows as
     * written and does nothing else: no HTML, no link or image, no code, emphasis or strikethrough,
     * no table cell it did not start in, and, where it starts a line or a heading, no block of its
     * own (heading, list, quote). Ordinary words and numbers stay as they are: only the characters
     * that could act are escaped, {@code <>&} as entities and the others with a backslash.
     */
    static String escape(String text) {
        String line = LINE_BREAKS.matcher(text).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                // the backslash first of all: a user's own "\|" must not turn an escape into a cell break
                case '\\', '`', '*', '[', ']', '|', '~' -> out.append('\\').append(c);
                // inside a word (snake_case) an underscore cannot start emphasis: left as it reads
                case '_' -> out.append(inWord(line, i) ? "_" : "\\_");
                default -> out.append(c);
            }
        }
        String escaped = CLOSING_HASHES.matcher(out).replaceFirst("$1\\\\$2");
        escaped = ORDERED_LIST.matcher(escaped).replaceFirst("$1\\\\$2");
        return escaped.startsWith("#") || escaped.startsWith("-") || escaped.startsWith("+") ? "\\" + escaped : escaped;
    }

    private static boolean inWord(String text, int at) {
        return at > 0 && at + 1 < text.length() && Character.isLetterOrDigit(text.charAt(at - 1))
                && Character.isLetterOrDigit(text.charAt(at + 1));
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    /** A hash in a code span; anything but hex digits (a bundle edited by hand) is dropped, being no hash. */
    private static String code(String hash) {
        return "`" + hash.replaceAll("[^0-9a-fA-F…]", "") + "`";
    }
}

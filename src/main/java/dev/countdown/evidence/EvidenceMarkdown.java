package dev.countdown.evidence;

import com.fasterxml.jackson.databind.JsonNode;

/** The evidence bundle for people: rendered from the sealed JSON, so both say the same. */
public final class EvidenceMarkdown {

    private EvidenceMarkdown() {
    }

    public static String render(JsonNode bundle) {
        JsonNode release = bundle.path("release");
        StringBuilder md = new StringBuilder();
        md.append("# Evidence: ").append(release.path("service").asText()).append(' ')
                .append(release.path("version").asText()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Release", release.path("id").asText());
        row(md, "State", release.path("state").asText());
        row(md, "Round", release.path("round").asText());
        row(md, "Checklist", release.path("template").asText());
        row(md, "Started", release.path("startedAt").asText() + " by " + release.path("startedBy").asText());
        row(md, "Generated", bundle.path("generatedAt").asText());
        row(md, "Audit chain head", "`" + bundle.path("audit").path("head").asText() + "`");
        md.append('\n');
        md.append("## Decisions\n\n");
        if (bundle.path("decisions").isEmpty()) {
            md.append("None yet.\n");
        }
        for (JsonNode d : bundle.path("decisions")) {
            md.append("- **").append(d.path("outcome").asText()).append("**")
                    .append(d.path("overridden").asBoolean() ? " (override)" : "")
                    .append(" — ").append(d.path("gate").asText()).append(", round ").append(d.path("round").asText())
                    .append(", ").append(d.path("at").asText()).append(" by ").append(d.path("by").asText()).append('\n');
            for (JsonNode reason : d.path("reasons")) {
                md.append("  - ").append(escape(reason.path("text").asText())).append('\n');
            }
        }
        md.append("\n## Checklist\n");
        for (JsonNode s : bundle.path("sections")) {
            md.append('\n').append("#".repeat(Math.min(6, 2 + s.path("level").asInt() - 1))).append(' ')
                    .append(escape(s.path("title").asText())).append("\n\n");
            for (JsonNode i : s.path("items")) {
                md.append("- [").append(i.path("state").asText().equals("pass") ? "x" : " ").append("] ")
                        .append(escape(i.path("text").asText())).append(" — **").append(i.path("state").asText())
                        .append("**");
                if (!i.path("by").isNull()) {
                    md.append(", ").append(i.path("by").asText()).append(", ").append(i.path("at").asText());
                }
                if (!i.path("note").asText().isEmpty()) {
                    md.append(": ").append(escape(i.path("note").asText()));
                }
                md.append('\n');
            }
            if (!s.path("gate").isNull()) {
                md.append("- Gate: ").append(escape(s.path("gate").asText())).append('\n');
            }
        }
        md.append("\n## Probes\n\n");
        if (bundle.path("probes").isEmpty()) {
            md.append("No probe has run.\n");
        } else {
            md.append("| Probe | Result | Summary | When | Run by |\n|---|---|---|---|---|\n");
            for (JsonNode p : bundle.path("probes")) {
                md.append("| ").append(escape(p.path("name").asText())).append(" (").append(p.path("type").asText())
                        .append(") | **").append(p.path("outcome").asText()).append("** | ")
                        .append(escape(p.path("summary").asText())).append(" | ").append(p.path("at").asText())
                        .append(" | ").append(escape(p.path("by").asText())).append(" |\n");
            }
            md.append("\nWhat each probe asked and what came back is in the audit trail's probe events.\n");
        }
        md.append("\n## Approvals\n\n| Role | Needed | Votes |\n|---|---|---|\n");
        for (JsonNode a : bundle.path("approvals")) {
            StringBuilder votes = new StringBuilder();
            for (JsonNode v : a.path("votes")) {
                votes.append(votes.isEmpty() ? "" : "; ").append(v.path("vote").asText()).append(" by ")
                        .append(v.path("by").asText());
            }
            md.append("| ").append(escape(a.path("title").asText())).append(" | ").append(a.path("needed").asInt())
                    .append(a.path("required").asBoolean() ? " (required)" : "").append(" | ")
                    .append(votes.isEmpty() ? "—" : escape(votes.toString())).append(" |\n");
        }
        md.append("\n## Audit trail\n\n| # | When | Who | What | Subject | Before → after | Note | Hash |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (JsonNode e : bundle.path("audit").path("events")) {
            md.append("| ").append(e.path("seq").asInt()).append(" | ").append(e.path("at").asText()).append(" | ")
                    .append(escape(e.path("actorName").asText())).append(" (").append(e.path("actorSource").asText())
                    .append(") | ").append(e.path("type").asText()).append(" | ").append(escape(e.path("subject").asText()))
                    .append(" | ").append(escape(e.path("before").asText())).append(" → ")
                    .append(escape(e.path("after").asText())).append(" | ").append(escape(e.path("note").asText()))
                    .append(" | `").append(e.path("hash").asText(), 0, 12).append("…` |\n");
        }
        md.append("\n## Verifying this evidence\n\nDownload the JSON bundle of the same release and run\n`java -jar countdown.jar "
                + "evidence verify bundle.json`. Each event's hash is ").append(bundle.path("audit").path("algorithm")
                .asText()).append("; the first event's previousHash is 64 zeros. Compare the chain head above with "
                + "the one Countdown posted when the decision was made.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(escape(value)).append(" |\n");
    }

    /** Table cells and list items must not be broken by a user's note. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }
}

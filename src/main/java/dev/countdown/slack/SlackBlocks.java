package dev.countdown.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.element.BlockElements.overflowMenu;

import com.google.gson.Gson;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.countdown.chat.ChatClient.Outgoing;
import dev.countdown.chat.MessageLimits;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ThreadLayout;
import dev.countdown.chat.ReleaseView.DecisionView;
import dev.countdown.chat.ReleaseView.ItemView;
import dev.countdown.chat.ReleaseView.RoleView;
import dev.countdown.chat.ReleaseView.SectionView;
import dev.countdown.release.ItemState;
import dev.countdown.release.Outcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the parts of a release's {@link ThreadLayout} as Block Kit, with Bolt's typed model of
 * it, and says how much of a long section one message holds (50 blocks, ~12k characters).
 */
final class SlackBlocks {

    static final int MAX_BLOCKS = 48;
    static final int MAX_CHARS = 11_000;
    private static final int SECTION_TEXT = 2_900;
    /** Slack's own serialization of its model: the JSON its Web API reads. */
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackBlocks() {
    }

    /** A part of the thread's layout as Slack shows it. */
    static Outgoing render(ReleaseView view, ThreadLayout.Part part) {
        return switch (part) {
            case ThreadLayout.Root r -> root(view);
            case ThreadLayout.SectionPart s -> section(view, s);
            case ThreadLayout.Probes p -> probes(view);
            case ThreadLayout.Approvals a -> approvals(view);
            case ThreadLayout.Decision d -> decision(view, d.decision());
            case ThreadLayout.Alert a -> alert(view, a.alert());
            case ThreadLayout.Reminder r -> SlackReminderBlocks.reminder(view, r.reminder());
            case ThreadLayout.Evidence e -> throw new IllegalArgumentException("evidence is uploaded, not rendered");
        };
    }

    /** What a message holds: 50 blocks and about 13k characters, less a margin for the heading and the gate. */
    static final MessageLimits LIMITS = new MessageLimits() {
        @Override
        public Size heading(ReleaseView view, SectionView section, boolean continued) {
            return new Size(1, headingText(section, continued).length());
        }

        @Override
        public Size item(ReleaseView view, SectionView section, ItemView item) {
            List<LayoutBlock> blocks = SlackBlocks.item(view, section, item);
            return new Size(blocks.size(), blocks.stream().mapToInt(b -> GSON.toJson(b).length()).sum());
        }

        @Override
        public Size max() {
            return new Size(MAX_BLOCKS, MAX_CHARS);
        }
    };

    static Outgoing root(ReleaseView v) {
        String title = SlackRollbackBlocks.title(v);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plain(title))));
        SlackRollbackBlocks.link(v).ifPresent(blocks::add);
        blocks.add(mrkdwnSection("*State:* " + stateLabel(v) + (v.open() ? "   *Now:* " + SlackText.escape(v.phase()) : "")));
        blocks.add(contextLine("Items " + v.counters().settled() + "/" + v.counters().items() + " passed · "
                + v.counters().failed() + " failed · approvals " + v.counters().rolesApproved() + "/"
                + v.counters().rolesRequired() + " · round " + v.round() + " · details in the thread"));
        return message(title + ": " + stateLabel(v), blocks, false);
    }

    /** A section, or one part of a long one: its heading, its items, and under the last part its gate. */
    static Outgoing section(ReleaseView v, ThreadLayout.SectionPart part) {
        SectionView s = part.section();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(mrkdwnSection(headingText(s, part.index() > 0)));
        part.items().forEach(item -> blocks.addAll(item(v, s, item)));
        if (part.last()) {
            s.gate().ifPresent(g -> blocks.add(contextLine("Gate: " + SlackText.escape(g) + " — "
                    + s.decided().map(d -> SlackText.escape(d.saidBy()) + " at " + TIME.format(d.at())
                    + (d.outcome() == Outcome.GO ? "" : "; /release decide polls it again"))
                    .orElse("/release decide polls it"))));
        }
        return message(s.title(), blocks, false);
    }

    private static String headingText(SectionView s, boolean continued) {
        return "*" + SlackText.escape(s.title()) + "*" + (continued ? " (continued)" : "")
                + (s.locked() ? "  _unlocks after the gate before it_" : "");
    }

    private static List<LayoutBlock> item(ReleaseView v, SectionView s, ItemView item) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder(icon(item.state())).append(' ').append(SlackText.escape(item.text()));
        item.setBy().ifPresent(setBy -> text.append("\n_").append(SlackText.escape(setBy))
                .append(item.at().map(at -> " at " + TIME.format(at)).orElse("")).append('_'));
        SectionBlock section = mrkdwnSection(SlackText.limit(text.toString(), SECTION_TEXT));
        if (v.open() && !s.locked()) {
            // An overflow holds at most five options: one block per item keeps long sections within limits.
            section.setAccessory(overflowMenu(o -> o.actionId(SlackIds.item(v.releaseId(), item.id())).options(List.of(
                    option(plain("Pass"), "pass"), option(plain("Fail…"), "fail"),
                    option(plain("Not applicable"), "na"), option(plain("Blocked"), "blocked"),
                    option(plain("Add a note…"), "note")))));
        }
        blocks.add(section);
        if (!item.notes().isEmpty()) {
            // plain_text: a note is shown as written, never as mrkdwn or a mention
            blocks.add(Blocks.context(c -> c.elements(List.of(plain(notes(item.notes()))))));
        }
        return blocks;
    }

    /** Every note with its author and time, the latest kept whole when they do not all fit. */
    private static String notes(List<ReleaseView.NoteView> notes) {
        StringBuilder text = new StringBuilder();
        for (int k = notes.size() - 1; k >= 0; k--) {
            ReleaseView.NoteView n = notes.get(k);
            String line = n.kind() + " by " + n.by() + " at " + TIME.format(n.at()) + ": " + n.text();
            if (!text.isEmpty() && text.length() + line.length() + 1 > SECTION_TEXT - 40) {
                text.insert(0, "(" + (k + 1) + " earlier in the evidence)\n");
                break;
            }
            text.insert(0, text.isEmpty() ? line : line + "\n");
        }
        return SlackText.limit(text.toString(), SECTION_TEXT);
    }

    /** Each probe, its last result and when (an absolute time: a relative age would edit the message forever). */
    static Outgoing probes(ReleaseView v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(mrkdwnSection("*Probes*"));
        for (ReleaseView.ProbeView p : v.probes()) {
            String icon = p.outcome().map(o -> o.equals("pass") ? ":white_check_mark:" : ":x:").orElse(":white_square:");
            String text = icon + " *" + SlackText.escape(p.name()) + "* (" + p.type() + ") — "
                    + p.outcome().map(o -> o + (p.summary().isBlank() ? "" : ": " + SlackText.escape(p.summary()))
                    + p.at().map(at -> " · " + TIME.format(at)).orElse("") + (p.stale() ? " · _stale_" : ""))
                    .orElse("not run yet");
            if (blocks.size() < MAX_BLOCKS - 1) {
                SectionBlock section = mrkdwnSection(SlackText.limit(text, SECTION_TEXT));
                section.setAccessory(BlockElements.button(b -> b.actionId(SlackIds.probe(v.releaseId(), p.name())).text(plain("Run"))));
                blocks.add(section);
            }
        }
        blocks.add(actions(a -> a.elements(List.of(
                button("Run all", SlackIds.probe(v.releaseId(), SlackIds.ALL_PROBES), "primary")))));
        return message("Probes", blocks, false);
    }

    static Outgoing approvals(ReleaseView v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(mrkdwnSection("*Approvals*"));
        for (RoleView role : v.roles()) {
            StringBuilder text = new StringBuilder(role.satisfied() ? ":white_check_mark: " : role.rejectedBy().isEmpty()
                    ? ":hourglass_flowing_sand: " : ":x: ");
            text.append('*').append(SlackText.escape(role.title())).append("* — ").append(role.approvedBy().size())
                    .append(" of ").append(role.needed()).append(role.required() ? "" : " (not required)");
            if (!role.approvedBy().isEmpty()) {
                text.append("\napproved by ").append(SlackText.escape(String.join(", ", role.approvedBy())));
            }
            if (!role.rejectedBy().isEmpty()) {
                text.append("\nrejected by ").append(SlackText.escape(String.join(", ", role.rejectedBy())));
            }
            blocks.add(mrkdwnSection(text.toString()));
            if (v.open() && v.state().equals("open") && blocks.size() < MAX_BLOCKS) {
                blocks.add(actions(a -> a.elements(List.of(
                        button("Approve", SlackIds.vote(v.releaseId(), true, role.id()), "primary"),
                        button("Reject", SlackIds.vote(v.releaseId(), false, role.id()), "danger")))));
            }
        }
        v.windowClosed().filter(why -> blocks.size() < MAX_BLOCKS - 1).ifPresent(why -> blocks.add(mrkdwnSection(":lock: " + SlackText.escape(why))));
        if (v.rollback().filter(ReleaseView.RollbackView::undoes).isPresent()) {
            blocks.addAll(SlackRollbackBlocks.action(v));
        } else if (v.open()) {
            blocks.add(actions(a -> a.elements(decide(v))));
        }
        return message("Approvals", blocks, false);
    }

    /** What cannot be undone asks first: decide, override, cancel. */
    private static List<BlockElement> decide(ReleaseView v) {
        String phase = SlackText.limit(v.phase(), 60);
        List<BlockElement> elements = new ArrayList<>();
        elements.add(confirmed(button("Decide " + phase, SlackIds.decide(v.releaseId(), v.phase(), false), "primary"),
                "Decide " + phase + "?", "Polls " + phase + " now: GO or NO-GO by the policy, posted in the thread"
                        + " and the channel. A decision cannot be undone.", "Decide", "primary"));
        if (v.overridable()) {
            elements.add(confirmed(button("Override…", SlackIds.decide(v.releaseId(), v.phase(), true), "danger"),
                    "Override " + phase + "?", "Asks for a GO the policy alone may refuse; it is recorded as an"
                            + " override and cannot be undone.", "Override", "danger"));
        }
        elements.add(confirmed(button("Cancel release", SlackIds.cancel(v.releaseId()), "danger"),
                "Cancel " + v.service() + " " + v.version() + "?", "A cancelled release cannot be reopened.",
                "Cancel release", "danger"));
        return elements;
    }

    static Outgoing decision(ReleaseView v, DecisionView d) {
        List<LayoutBlock> blocks = new ArrayList<>();
        boolean go = d.outcome() == Outcome.GO;
        String head = (go ? ":large_green_circle: " : ":red_circle: ") + "*" + (d.isFinal() ? "Release " + v.service()
                + " " + v.version() : SlackText.escape(d.label())) + ": " + d.outcome().label() + "*"
                + (d.overridden() ? " (override)" : "");
        blocks.add(mrkdwnSection(head + "\ndecided by " + SlackText.escape(d.by()) + " at " + TIME.format(d.at())
                + ", round " + d.round()));
        if (!d.reasons().isEmpty()) {
            StringBuilder reasons = new StringBuilder(go ? "*Overridden:*" : "*Why:*");
            d.reasons().forEach(r -> reasons.append("\n• ").append(SlackText.escape(r)));
            blocks.add(mrkdwnSection(SlackText.limit(reasons.toString(), SECTION_TEXT)));
        }
        if (!d.note().isBlank()) {
            blocks.add(Blocks.context(c -> c.elements(List.of(plain(SlackText.limit("Note: " + d.note(), SECTION_TEXT))))));
        }
        String text = (d.isFinal() ? "Release " + v.service() + " " + v.version() : d.label()) + ": " + d.outcome().label();
        return message(text, blocks, true);
    }

    /** An abort criterion fired during the watch: said in the thread and in the channel. */
    static Outgoing alert(ReleaseView v, ReleaseView.AlertView a) {
        String text = "Abort criterion fired for " + v.service() + " " + v.version() + ": " + a.probe();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(mrkdwnSection(":rotating_light: *" + SlackText.escape(text) + "*\n" + SlackText.escape(a.summary())
                + "\nat " + TIME.format(a.at()) + ". *Rollback recommended:* `/rollback`"));
        if (v.rollback().isEmpty()) {
            blocks.add(actions(b -> b.elements(List.of(button("Start rollback", SlackIds.rollback(v.releaseId()), "danger")))));
        }
        return message(text, blocks, true);
    }

    static Outgoing message(String text, List<LayoutBlock> blocks, boolean broadcast) {
        return new Outgoing(text, GSON.toJson(blocks), broadcast);
    }

    private static String stateLabel(ReleaseView v) {
        return switch (v.state()) {
            case "go" -> ":large_green_circle: GO";
            case "no-go" -> ":red_circle: NO-GO";
            case "open" -> ":large_blue_circle: open";
            case "rolling-back" -> ":rewind: rolling back";
            case "rolled-back" -> ":leftwards_arrow_with_hook: rolled back";
            default -> v.state();
        };
    }

    private static String icon(ItemState state) {
        return switch (state) {
            case PASS -> ":white_check_mark:";
            case FAIL -> ":x:";
            case NA -> ":heavy_minus_sign:";
            case BLOCKED -> ":no_entry:";
            case PENDING -> ":white_square:";
        };
    }

    static SectionBlock mrkdwnSection(String text) {
        return Blocks.section(s -> s.text(markdownText(text)));
    }

    static LayoutBlock contextLine(String mrkdwn) {
        return Blocks.context(c -> c.elements(List.of(markdownText(mrkdwn))));
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).emoji(true).build();
    }

    static ButtonElement button(String label, String actionId, String style) {
        return BlockElements.button(b -> b.actionId(actionId).text(plain(label)).style(style));
    }

    /** Slack's confirmation dialog on a button: nothing happens until "confirm" is pressed. */
    static ButtonElement confirmed(ButtonElement button, String title, String text, String confirm, String style) {
        button.setConfirm(confirmationDialog(d -> d.title(plain(SlackText.limit(title, 100)))
                .text(plain(SlackText.limit(text, 300))).confirm(plain(confirm)).deny(plain("Not now")).style(style)));
        return button;
    }
}

package dev.countdown.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.chat.ActionRef;
import dev.countdown.chat.ChatClient.Outgoing;
import dev.countdown.chat.MessageLimits;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReminderText;
import dev.countdown.chat.ReleaseView.DecisionView;
import dev.countdown.chat.ReleaseView.ItemView;
import dev.countdown.chat.ReleaseView.ProbeView;
import dev.countdown.chat.ReleaseView.RoleView;
import dev.countdown.chat.ReleaseView.SectionView;
import dev.countdown.chat.ThreadLayout;
import dev.countdown.chat.ThreadRenderer;
import dev.countdown.discord.DiscordComponents.Style;
import dev.countdown.release.ItemState;
import dev.countdown.release.Outcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Discord's look for a release's thread: each message one container of components v2, its accent
 * colour the release's state. An item is a section with a Pass button beside it; the other states
 * and notes go through the part's item select, which opens the item's form.
 */
final class DiscordRenderer implements ThreadRenderer {

    private static final int ITEM_TEXT = 900;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Container, heading, the select's row and select, and the gate's line: the rest is for items. */
    private static final MessageLimits LIMITS = new MessageLimits() {
        @Override
        public Size heading(ReleaseView view, SectionView section, boolean continued) {
            return new Size(5, DiscordRenderer.heading(section, continued).length() + 200);
        }

        @Override
        public Size item(ReleaseView view, SectionView section, ItemView item) {
            return new Size(3, itemText(item).length());
        }

        @Override
        public Size max() {
            return new Size(DiscordComponents.MAX_COMPONENTS, DiscordComponents.MAX_TEXT);
        }
    };

    @Override
    public MessageLimits limits() {
        return LIMITS;
    }

    @Override
    public Outgoing render(ReleaseView view, ThreadLayout.Part part) {
        return switch (part) {
            case ThreadLayout.Root r -> root(view);
            case ThreadLayout.SectionPart s -> section(view, s);
            case ThreadLayout.Probes p -> probes(view);
            case ThreadLayout.Approvals a -> approvals(view);
            case ThreadLayout.Decision d -> decision(view, d.decision());
            case ThreadLayout.Alert a -> alert(view, a.alert());
            case ThreadLayout.Reminder r -> reminder(view, r.reminder());
            case ThreadLayout.Evidence e -> throw new IllegalArgumentException("evidence is uploaded, not rendered");
        };
    }

    static Outgoing root(ReleaseView v) {
        String title = DiscordRollbackComponents.title(v);
        var c = DiscordComponents.container(accent(v));
        c.text("## " + DiscordText.escape(title) + "\n**State:** " + stateLabel(v)
                + (v.open() ? "   **Now:** " + DiscordText.escape(v.phase()) : "") + "\n-# Items "
                + v.counters().settled() + "/" + v.counters().items() + " passed · " + v.counters().failed()
                + " failed · approvals " + v.counters().rolesApproved() + "/" + v.counters().rolesRequired()
                + " · round " + v.round() + " · details in the thread"
                + DiscordRollbackComponents.link(v).map(l -> "\n" + l).orElse(""));
        return new Outgoing(title + ": " + stateLabel(v), c.body(), false);
    }

    static Outgoing section(ReleaseView v, ThreadLayout.SectionPart part) {
        SectionView s = part.section();
        var c = DiscordComponents.container(accent(v));
        c.text(heading(s, part.index() > 0));
        boolean actionable = v.open() && !s.locked();
        for (ItemView item : part.items()) {
            if (actionable) {
                boolean passed = item.state() == ItemState.PASS;
                c.section(itemText(item), DiscordComponents.button(passed ? "Undo" : "Pass",
                        DiscordIds.item(v.releaseId(), item.id(), passed ? "pending" : "pass"),
                        passed ? Style.SECONDARY : Style.SUCCESS));
            } else {
                c.text(itemText(item));
            }
        }
        if (actionable && !part.items().isEmpty()) {
            List<String[]> options = part.items().stream()
                    .map(i -> new String[] {i.text(), DiscordIds.itemRef(v.releaseId(), i.id())}).toList();
            c.row(DiscordComponents.select(DiscordIds.MORE + part.index(), "Fail, n/a, blocked or a note…", options));
        }
        if (part.last()) {
            s.gate().ifPresent(g -> c.text("-# Gate: " + DiscordText.escape(g) + " — "
                    + s.decided().map(d -> DiscordText.escape(d.saidBy()) + " at " + TIME.format(d.at())
                    + (d.outcome() == Outcome.GO ? "" : "; /release decide polls it again"))
                    .orElse("/release decide polls it")));
        }
        return new Outgoing(s.title(), c.body(), false);
    }

    private static String heading(SectionView s, boolean continued) {
        return "### " + DiscordText.escape(s.title()) + (continued ? " (continued)" : "")
                + (s.locked() ? "\n-# unlocks after the gate before it" : "");
    }

    private static String itemText(ItemView item) {
        StringBuilder text = new StringBuilder(icon(item.state())).append(' ')
                .append(DiscordText.escape(DiscordText.limit(item.text(), 300)));
        item.setBy().ifPresent(by -> text.append("\n-# ").append(DiscordText.escape(by))
                .append(item.at().map(at -> " at " + TIME.format(at)).orElse("")));
        for (int k = item.notes().size() - 1; k >= 0 && text.length() < ITEM_TEXT - 100; k--) {
            ReleaseView.NoteView n = item.notes().get(k);
            text.append("\n> ").append(DiscordText.escape(n.kind() + " by " + n.by() + " at " + TIME.format(n.at())
                    + ": " + DiscordText.limit(n.text().replace('\n', ' '), 300)));
        }
        return DiscordText.limit(text.toString(), ITEM_TEXT);
    }

    static Outgoing probes(ReleaseView v) {
        var c = DiscordComponents.container(accent(v));
        c.text("### Probes");
        for (ProbeView p : v.probes()) {
            String text = "**" + DiscordText.escape(p.name()) + "** (" + p.type() + ") — " + p.outcome()
                    .map(o -> (o.equals("pass") ? "✅ " : "❌ ") + o + (p.stale() ? " (stale)" : "") + ": "
                            + DiscordText.escape(DiscordText.limit(p.summary(), 300))
                            + p.at().map(at -> " · " + TIME.format(at)).orElse("")
                            + p.by().map(by -> " by " + DiscordText.escape(by)).orElse(""))
                    .orElse("not run yet");
            if (c.fits(6, text.length())) {
                c.section(text, DiscordComponents.button("Run", DiscordIds.action(ActionRef.probe(v.releaseId(),
                        p.name())), Style.SECONDARY));
            } else if (c.fits(3, text.length())) {
                c.text(text);
            }
        }
        c.row(DiscordComponents.button("Run all", DiscordIds.action(ActionRef.probe(v.releaseId(),
                ActionRef.ALL_PROBES)), Style.PRIMARY));
        return new Outgoing("Probes", c.body(), false);
    }

    static Outgoing approvals(ReleaseView v) {
        var c = DiscordComponents.container(accent(v));
        c.text("### Approvals");
        for (RoleView role : v.roles()) {
            StringBuilder text = new StringBuilder(role.satisfied() ? "✅ " : role.rejectedBy().isEmpty() ? "⏳ " : "❌ ")
                    .append("**").append(DiscordText.escape(role.title())).append("** — ").append(role.approvedBy().size())
                    .append(" of ").append(role.needed()).append(role.required() ? "" : " (not required)");
            if (!role.approvedBy().isEmpty()) {
                text.append("\napproved by ").append(DiscordText.escape(String.join(", ", role.approvedBy())));
            }
            if (!role.rejectedBy().isEmpty()) {
                text.append("\nrejected by ").append(DiscordText.escape(String.join(", ", role.rejectedBy())));
            }
            if (v.open() && v.state().equals("open") && c.fits(7, text.length())) {
                c.text(text.toString()).row(
                        DiscordComponents.button("Approve", DiscordIds.action(ActionRef.vote(v.releaseId(), true,
                                role.id())), Style.SUCCESS),
                        DiscordComponents.button("Reject", DiscordIds.action(ActionRef.vote(v.releaseId(), false,
                                role.id())), Style.DANGER));
            } else if (c.fits(4, text.length())) {
                c.text(text.toString());
            }
        }
        v.windowClosed().filter(why -> c.fits(2, why.length() + 4)).ifPresent(why -> c.text("🔒 " + DiscordText.escape(why)));
        if (v.rollback().filter(ReleaseView.RollbackView::undoes).isPresent()) {
            DiscordRollbackComponents.action(v, c);
        } else if (v.open()) {
            // Discord asks no "are you sure?": cancelling stays a typed /release cancel.
            String phase = DiscordText.limit(v.phase(), 60);
            ObjectNode decide = DiscordComponents.button("Decide " + phase,
                    DiscordIds.action(ActionRef.decide(v.releaseId(), v.phase(), false)), Style.PRIMARY);
            if (v.overridable()) {
                c.row(decide, DiscordComponents.button("Override…", DiscordIds.action(ActionRef.decide(v.releaseId(),
                        v.phase(), true)), Style.DANGER));
            } else {
                c.row(decide);
            }
        }
        return new Outgoing("Approvals", c.body(), false);
    }

    static Outgoing decision(ReleaseView v, DecisionView d) {
        boolean go = d.outcome() == Outcome.GO;
        String title = (d.isFinal() ? "Release " + v.service() + " " + v.version() : d.label()) + ": "
                + d.outcome().label();
        StringBuilder text = new StringBuilder("## ").append(go ? "🟢 " : "🔴 ").append(DiscordText.escape(title))
                .append(d.overridden() ? " (override)" : "").append("\ndecided by ").append(DiscordText.escape(d.by()))
                .append(" at ").append(TIME.format(d.at())).append(", round ").append(d.round());
        if (!d.reasons().isEmpty()) {
            text.append(go ? "\n**Overridden:**" : "\n**Why:**");
            d.reasons().forEach(r -> text.append("\n- ").append(DiscordText.escape(DiscordText.limit(r, 300))));
        }
        if (!d.note().isBlank()) {
            text.append("\n-# Note: ").append(DiscordText.escape(DiscordText.limit(d.note(), 500)));
        }
        var c = DiscordComponents.container(go ? DiscordComponents.GREEN : DiscordComponents.RED);
        c.text(DiscordText.limit(text.toString(), 3_900));
        return new Outgoing(title, c.body(), true);
    }

    static Outgoing alert(ReleaseView v, ReleaseView.AlertView a) {
        String text = "Abort criterion fired for " + v.service() + " " + v.version() + ": " + a.probe();
        var c = DiscordComponents.container(DiscordComponents.RED);
        c.text("## 🚨 " + DiscordText.escape(text) + "\n" + DiscordText.escape(DiscordText.limit(a.summary(), 1_000))
                + "\nat " + TIME.format(a.at()) + ". **Rollback recommended:** `/rollback`");
        DiscordRollbackComponents.start(v, c);
        return new Outgoing(text, c.body(), true);
    }

    static Outgoing reminder(ReleaseView v, ReleaseView.ReminderView r) {
        String headline = ReminderText.headline(v, r);
        var c = DiscordComponents.container(r.escalation() ? DiscordComponents.RED : DiscordComponents.BLUE);
        c.text((r.escalation() ? "🚨 **" : "🔔 **") + DiscordText.escape(headline) + "**\n"
                + ReminderText.call(r, DiscordText.MENTIONS) + "\n-# at " + TIME.format(r.at()));
        return new Outgoing(headline, c.body(), false);
    }

    private static int accent(ReleaseView v) {
        return switch (v.state()) {
            case "go" -> DiscordComponents.GREEN;
            case "no-go" -> DiscordComponents.RED;
            case "open" -> DiscordComponents.BLUE;
            default -> DiscordComponents.GREY;
        };
    }

    private static String stateLabel(ReleaseView v) {
        return switch (v.state()) {
            case "go" -> "🟢 GO";
            case "no-go" -> "🔴 NO-GO";
            case "open" -> "🔵 open";
            case "rolling-back" -> "⏪ rolling back";
            case "rolled-back" -> "↩️ rolled back";
            default -> v.state();
        };
    }

    private static String icon(ItemState state) {
        return switch (state) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case NA -> "➖";
            case BLOCKED -> "⛔";
            case PENDING -> "⬜";
        };
    }
}

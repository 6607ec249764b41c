package dev.countdown.chat;

import dev.countdown.chat.ReleaseView.AlertView;
import dev.countdown.chat.ReleaseView.DecisionView;
import dev.countdown.chat.ReleaseView.ItemView;
import dev.countdown.chat.ReleaseView.ReminderView;
import dev.countdown.chat.ReleaseView.SectionView;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a release's thread holds, whatever the platform, in thread order, each under a
 * key that stays the same for as long as the message shows the same thing: the key is how a
 * message is found again to be edited, and how a restart recognizes one already posted.
 */
public final class ThreadLayout {

    private ThreadLayout() {
    }

    /** One message of the thread. */
    public sealed interface Part {
        String key();
    }

    /** The release's headline: its state and figures; the thread hangs under it. */
    public record Root() implements Part {
        public String key() {
            return "root";
        }
    }

    /**
     * A checklist section, or one of its parts when it is too long for one message.
     *
     * @param index 0 for the first part
     * @param last  the section's gate, if any, is shown under the last part
     */
    public record SectionPart(SectionView section, int index, List<ItemView> items, boolean last) implements Part {
        public String key() {
            return "section:" + section.id() + ":" + index;
        }
    }

    public record Probes() implements Part {
        public String key() {
            return "probes";
        }
    }

    public record Approvals() implements Part {
        public String key() {
            return "approvals";
        }
    }

    /** A decision; said in the channel too. */
    public record Decision(DecisionView decision) implements Part {
        public String key() {
            return "decision:" + decision.index();
        }
    }

    /** An abort criterion that fired after the GO; said in the channel too. */
    public record Alert(AlertView alert) implements Part {
        public String key() {
            return "alert:" + alert.index();
        }
    }

    /** A nudge about approvals still pending, mentioning their owners or the escalation role. */
    public record Reminder(ReminderView reminder) implements Part {
        /** Every reminder's key starts so: the one kind of message meant to notify the people it names. */
        public static final String KEY_PREFIX = "reminder:";

        public String key() {
            return KEY_PREFIX + reminder.index();
        }
    }

    /** The evidence bundle as it stood at the release's final decision: files, uploaded once. */
    public record Evidence(DecisionView decision) implements Part {
        public String key() {
            return "evidence:decision:" + decision.index();
        }
    }

    /** Every message of the release, the root first; sections split as {@code limits} require. */
    public static List<Part> of(ReleaseView view, MessageLimits limits) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Root());
        for (SectionView section : view.sections()) {
            parts.addAll(section(view, section, limits));
        }
        if (!view.probes().isEmpty()) {
            parts.add(new Probes());
        }
        parts.add(new Approvals());
        for (DecisionView decision : view.decisions()) {
            parts.add(new Decision(decision));
            if (decision.isFinal()) {
                parts.add(new Evidence(decision));
            }
        }
        view.alerts().forEach(a -> parts.add(new Alert(a)));
        view.reminders().forEach(r -> parts.add(new Reminder(r)));
        return parts;
    }

    /** A section with neither items nor a gate shows nothing; an empty one with a gate, its heading and gate. */
    static List<SectionPart> section(ReleaseView view, SectionView section, MessageLimits limits) {
        List<List<ItemView>> groups = new ArrayList<>();
        List<ItemView> group = null;
        MessageLimits.Size used = null;
        for (ItemView item : section.items()) {
            MessageLimits.Size size = limits.item(view, section, item);
            if (group == null || !used.plus(size).within(limits.max())) {
                group = new ArrayList<>();
                groups.add(group);
                used = limits.heading(view, section, groups.size() > 1);
            }
            group.add(item);
            used = used.plus(size);
        }
        if (groups.isEmpty() && section.gate().isEmpty()) {
            return List.of();
        }
        if (groups.isEmpty()) {
            groups.add(List.of());
        }
        List<SectionPart> parts = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            parts.add(new SectionPart(section, k, List.copyOf(groups.get(k)), k == groups.size() - 1));
        }
        return parts;
    }
}

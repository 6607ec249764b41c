package dev.countdown.chat;

import dev.countdown.chat.ReleaseView.ReminderView;
import dev.countdown.manifest.Principals;
import java.util.ArrayList;
import java.util.List;

/** What a reminder says, whatever the platform: the roles still pending, then who is called on, in its mentions. */
public final class ReminderText {

    private ReminderText() {
    }

    /** "Approvals still pending for shop v1.0.0 since …: Release Manager, QA." */
    public static String headline(ReleaseView view, ReminderView r) {
        return (r.escalation() ? "Escalation: approvals" : "Approvals") + " still pending for " + view.service() + " "
                + view.version() + ": " + String.join(", ", r.pending());
    }

    /** The call to act, its people as the platform mentions them: each person or group once. */
    public static String call(ReminderView r, Mentions m) {
        List<String> who = mentions(r.mention(), m);
        String roles = String.join(", ", r.mentioned());
        if (r.escalation()) {
            return (who.isEmpty() ? m.plain(roles + " owners") : String.join(" ", who))
                    + m.plain(" (" + roles + "): please help get these approvals decided.");
        }
        return (who.isEmpty() ? m.plain(roles + " owners") : String.join(" ", who))
                + m.plain(": please approve or reject on the approvals message.");
    }

    static List<String> mentions(Principals p, Mentions m) {
        List<String> who = new ArrayList<>();
        p.slackUsers().forEach(u -> who.add(m.slackUser(u)));
        p.slackGroups().forEach(g -> who.add(m.slackGroup(g)));
        p.discordUsers().forEach(u -> who.add(m.discordUser(u)));
        p.discordRoles().forEach(g -> who.add(m.discordRole(g)));
        return who.stream().distinct().toList();
    }
}

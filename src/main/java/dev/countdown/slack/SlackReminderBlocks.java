package dev.countdown.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.countdown.chat.ChatClient.Outgoing;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReminderText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A reminder about approvals still pending, as Slack shows it. */
final class SlackReminderBlocks {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SlackReminderBlocks() {
    }

    /** Its mentions are in the message's text too: the text is what Slack notifies with. */
    static Outgoing reminder(ReleaseView v, ReleaseView.ReminderView r) {
        String headline = SlackText.escape(ReminderText.headline(v, r));
        String call = ReminderText.call(r, SlackText.MENTIONS);
        List<LayoutBlock> blocks = List.of(SlackBlocks.mrkdwnSection((r.escalation() ? ":rotating_light: *" : ":bell: *")
                + headline + "*\n" + call), SlackBlocks.contextLine("at " + TIME.format(r.at())));
        return SlackBlocks.message(headline + ". " + call, blocks, false);
    }
}

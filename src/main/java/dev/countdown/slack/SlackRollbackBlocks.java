package dev.countdown.slack;

import static com.slack.api.model.block.Blocks.actions;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseView.RollbackView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What Slack shows of a rollback: the link both ways, and the action's run with what a person may do about it. */
final class SlackRollbackBlocks {

    private SlackRollbackBlocks() {
    }

    static String title(ReleaseView v) {
        boolean rollback = v.rollback().filter(RollbackView::undoes).isPresent();
        return (rollback ? "Rollback of " : "Release ") + v.service() + " " + v.version();
    }

    /** The root's line naming the other ceremony. */
    static Optional<LayoutBlock> link(ReleaseView v) {
        return v.rollback().map(r -> SlackBlocks.contextLine(r.undoes()
                ? "Undoes release " + r.otherId() + " (" + SlackText.escape(v.service()) + " " + SlackText.escape(r.otherVersion())
                        + ") · action: " + r.actionType() + r.run().map(run -> " " + run).orElse(" after approval")
                : "Rollback " + r.otherId() + " undoes this release · its thread holds the triggers, steps and action"));
    }

    /** Under a rollback's approvals: its action's run, and Confirm / Run again when a person must act. */
    static List<LayoutBlock> action(ReleaseView v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        RollbackView r = v.rollback().orElseThrow();
        String state = r.run().orElse("waits for the approval above");
        StringBuilder text = new StringBuilder("*Rollback action* (" + r.actionType() + "): *" + state + "*");
        if (r.attempt() > 1) {
            text.append(", attempt ").append(r.attempt());
        }
        if (!r.summary().isBlank()) {
            text.append("\n").append(SlackText.escape(SlackText.limit(r.summary(), 500)));
        }
        if (r.run().filter("unknown"::equals).isPresent()) {
            text.append("\nCountdown stopped while the action was in flight: it may or may not have run. Check the deploy "
                    + "system, then confirm the rollback or run the action again. It is never run again by itself.");
        }
        blocks.add(SlackBlocks.mrkdwnSection(text.toString()));
        if (!r.confirmable() && !r.retryable()) {
            return blocks;
        }
        List<BlockElement> elements = new ArrayList<>();
        if (r.confirmable()) {
            elements.add(SlackBlocks.confirmed(SlackBlocks.button("Confirm rolled back", SlackIds.action(v.releaseId(), false),
                    "primary"), "Confirm the rollback?", "Records that " + v.service() + " " + v.version()
                    + " is rolled back and ends the release as rolled back.", "Confirm", "primary"));
        }
        if (r.retryable()) {
            elements.add(SlackBlocks.confirmed(SlackBlocks.button("Run action again", SlackIds.action(v.releaseId(), true),
                    "danger"), "Run the rollback action again?", "Calls the deploy system once more"
                    + (r.run().filter("unknown"::equals).isPresent() ? " with the same Idempotency-Key." : "."),
                    "Run again", "danger"));
        }
        blocks.add(actions(a -> a.elements(elements)));
        return blocks;
    }
}

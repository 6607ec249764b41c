package dev.countdown.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countdown.chat.ActionRef;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseView.RollbackView;
import dev.countdown.discord.DiscordComponents.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Discord shows of a rollback, as Slack does: the link both ways, and the action's run with
 * what a person may do about it. Discord has no confirmation dialog; "Run action again" is a
 * danger button, and neither button can do harm twice: the core runs an action once per attempt
 * and refuses a confirm or a retry that no longer applies.
 */
final class DiscordRollbackComponents {

    private DiscordRollbackComponents() {
    }

    static String title(ReleaseView v) {
        boolean rollback = v.rollback().filter(RollbackView::undoes).isPresent();
        return (rollback ? "Rollback of " : "Release ") + v.service() + " " + v.version();
    }

    /** The root's line naming the other ceremony. */
    static Optional<String> link(ReleaseView v) {
        return v.rollback().map(r -> "-# " + (r.undoes()
                ? "Undoes release " + r.otherId() + " (" + DiscordText.escape(v.service() + " " + r.otherVersion())
                        + ") · action: " + r.actionType() + r.run().map(run -> " " + run).orElse(" after approval")
                : "Rollback " + r.otherId() + " undoes this release · its thread holds the triggers, steps and action"));
    }

    /** Under a rollback's approvals: its action's run, and Confirm / Run again when a person must act. */
    static void action(ReleaseView v, DiscordComponents c) {
        RollbackView r = v.rollback().orElseThrow();
        StringBuilder text = new StringBuilder("**Rollback action** (" + r.actionType() + "): **"
                + r.run().orElse("waits for the approval above") + "**");
        if (r.attempt() > 1) {
            text.append(", attempt ").append(r.attempt());
        }
        if (!r.summary().isBlank()) {
            text.append("\n").append(DiscordText.escape(DiscordText.limit(r.summary(), 500)));
        }
        if (r.run().filter("unknown"::equals).isPresent()) {
            text.append("\nCountdown stopped while the action was in flight: it may or may not have run. Check the "
                    + "deploy system, then confirm the rollback or run the action again (with the same "
                    + "Idempotency-Key). It is never run again by itself.");
        }
        c.text(text.toString());
        List<ObjectNode> buttons = new ArrayList<>();
        if (r.confirmable()) {
            buttons.add(DiscordComponents.button("Confirm rolled back",
                    DiscordIds.action(ActionRef.action(v.releaseId(), false)), Style.SUCCESS));
        }
        if (r.retryable()) {
            buttons.add(DiscordComponents.button("Run action again",
                    DiscordIds.action(ActionRef.action(v.releaseId(), true)), Style.DANGER));
        }
        if (!buttons.isEmpty()) {
            c.row(buttons.toArray(ObjectNode[]::new));
        }
    }

    /** On an abort-criteria alert of a release no rollback undoes yet. */
    static void start(ReleaseView v, DiscordComponents c) {
        if (v.rollback().isEmpty()) {
            c.row(DiscordComponents.button("Start rollback", DiscordIds.action(ActionRef.rollback(v.releaseId())),
                    Style.DANGER));
        }
    }
}

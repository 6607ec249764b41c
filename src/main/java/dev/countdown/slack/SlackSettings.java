package dev.countdown.slack;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start on a half-configured Slack app. Without this, a bot token without its signing
 * secret left Slack silently off, and the first user to type {@code /release} got no answer.
 */
@Context
class SlackSettings {

    SlackSettings(@Value("${" + SlackFactory.BOT_TOKEN + ":}") String botToken,
                  @Value("${" + SlackFactory.SIGNING_SECRET + ":}") String signingSecret,
                  @Value("${countdown.slack.app-token:}") String appToken) {
        List<String> problems = problems(botToken.strip(), signingSecret.strip(), appToken.strip());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Slack is half configured: " + String.join("; ", problems)
                    + ". See docs/slack.md.");
        }
    }

    static List<String> problems(String botToken, String signingSecret, String appToken) {
        List<String> problems = new ArrayList<>();
        if (!botToken.isEmpty() && signingSecret.isEmpty()) {
            problems.add("SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not (the app's Basic Information page "
                    + "shows it; Countdown checks every request's signature with it)");
        }
        if (botToken.isEmpty() && !signingSecret.isEmpty()) {
            problems.add("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not (OAuth & Permissions shows the "
                    + "xoxb- token)");
        }
        if (botToken.isEmpty() && !appToken.isEmpty()) {
            problems.add("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs both");
        }
        if (!botToken.isEmpty() && !botToken.startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN does not start with xoxb-: use the Bot User OAuth Token");
        }
        if (!appToken.isEmpty() && !appToken.startsWith("xapp-")) {
            problems.add("SLACK_APP_TOKEN does not start with xapp-: use an app-level token with connections:write");
        }
        return problems;
    }
}

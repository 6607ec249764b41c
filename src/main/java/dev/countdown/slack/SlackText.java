package dev.countdown.slack;

import java.util.regex.Pattern;

/** Text for Slack's mrkdwn: what users wrote can neither mention anyone nor break the formatting. */
final class SlackText {

    private static final Pattern SLACK_USER = Pattern.compile("slack user ([UW][A-Z0-9]+)");
    private static final Pattern SLACK_GROUP = Pattern.compile("slack group (S[A-Z0-9]+)");

    private SlackText() {
    }

    /** Escapes the three characters Slack gives meaning to; {@code <!channel>} becomes inert text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Cuts to a limit, marking the cut. */
    static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The core names people as "slack user U…"; in Slack they are mentions. */
    static String mentions(String message) {
        String escaped = escape(message);
        escaped = SLACK_USER.matcher(escaped).replaceAll("<@$1>");
        return SLACK_GROUP.matcher(escaped).replaceAll("<!subteam^$1>");
    }
}

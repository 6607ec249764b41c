package dev.countdown.slack;

import dev.countdown.chat.Mentions;

/** Text for Slack's mrkdwn: what users wrote can neither mention anyone nor break the formatting. */
final class SlackText {

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

    /** How Slack names people: as mentions, in text escaped for mrkdwn. */
    static final Mentions MENTIONS = new Mentions() {
        @Override
        public String plain(String text) {
            return escape(text);
        }

        @Override
        public String slackUser(String id) {
            return "<@" + id + ">";
        }

        @Override
        public String slackGroup(String id) {
            return "<!subteam^" + id + ">";
        }
    };
}

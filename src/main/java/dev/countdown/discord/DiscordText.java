package dev.countdown.discord;

import dev.countdown.chat.Mentions;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** Text for Discord's Markdown: what users wrote can neither format nor mention anyone. */
final class DiscordText {

    private DiscordText() {
    }

    /**
     * Escapes Markdown, and breaks every {@code @} and {@code <}: {@code @everyone} and
     * {@code <@123>} written in an item or a note stay text, whatever the allowed mentions say.
     */
    static String escape(String text) {
        return MarkdownSanitizer.escape(text).replace("@", "@\u200b").replace("<", "<\u200b");
    }

    /** Cuts to a limit, marking the cut. */
    static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** How Discord names people: user and role mentions, in escaped text. */
    static final Mentions MENTIONS = new Mentions() {
        @Override
        public String plain(String text) {
            return escape(text);
        }

        @Override
        public String slackUser(String id) {
            return escape("Slack user " + id);
        }

        @Override
        public String slackGroup(String id) {
            return escape("Slack group " + id);
        }

        @Override
        public String discordUser(String id) {
            return "<@" + id + ">";
        }

        @Override
        public String discordRole(String id) {
            return "<@&" + id + ">";
        }
    };
}

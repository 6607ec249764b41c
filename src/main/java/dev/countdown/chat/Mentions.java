package dev.countdown.chat;

/**
 * How a platform names the people of a {@link dev.countdown.manifest.Principals}: Slack mentions
 * its users and groups, the playground writes plain names. {@link #plain} makes the rest of a
 * message safe to show there.
 */
public interface Mentions {

    String plain(String text);

    String slackUser(String id);

    String slackGroup(String id);

    default String discordUser(String id) {
        return plain("discord user " + id);
    }

    default String discordRole(String id) {
        return plain("discord role " + id);
    }

    /** Plain text and plain names, for a surface that escapes what it shows itself. */
    Mentions PLAIN = new Mentions() {
        @Override
        public String plain(String text) {
            return text;
        }

        @Override
        public String slackUser(String id) {
            return id;
        }

        @Override
        public String slackGroup(String id) {
            return "group " + id;
        }
    };
}

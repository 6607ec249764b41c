package dev.countdown.release;

/** The namespace a user id belongs to; manifests name people per namespace. */
public enum IdentitySource {
    SLACK("slack"), DISCORD("discord"), API("api"), SYSTEM("system"),
    /**
     * Someone on the web playground, acting without signing in as a user they picked. Such an
     * actor stands in for the Slack user of the same id, but only in releases started in the
     * playground (see {@link Authorizer}).
     */
    PLAYGROUND("playground");

    private final String label;

    IdentitySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static IdentitySource parse(String text) {
        for (IdentitySource source : values()) {
            if (source.label.equalsIgnoreCase(text)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + Limits.shown(text) + "'; expected slack, discord, api, system or playground");
    }
}

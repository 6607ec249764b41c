package dev.countdown.release;

import java.util.Arrays;

/**
 * A chat a release can be run from. The label is what stored rows and metrics carry; the
 * manifest's channels are Slack's or Discord's, and the playground stands in for Slack.
 */
public enum Platform {
    SLACK("slack"), DISCORD("discord"), PLAYGROUND("playground");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Which of a manifest's channel lists names this platform's channels. */
    public Platform channelsOf() {
        return this == PLAYGROUND ? SLACK : this;
    }

    public static Platform parse(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + Limits.shown(label) + "'"));
    }

    @Override
    public String toString() {
        return label;
    }
}

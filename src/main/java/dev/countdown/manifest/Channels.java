package dev.countdown.manifest;

import java.util.List;

/** Where a service's releases are run: Slack channel ids and Discord channel ids. */
public record Channels(List<String> slack, List<String> discord) {

    public Channels {
        slack = List.copyOf(slack);
        discord = List.copyOf(discord);
    }
}

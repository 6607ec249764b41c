package dev.countdown.manifest;

import java.util.List;

/**
 * A set of people named the ways the platforms name them: Slack users and user groups, Discord
 * users and roles, and owners of the manifest's own approval roles.
 */
public record Principals(
        List<String> slackUsers,
        List<String> slackGroups,
        List<String> discordUsers,
        List<String> discordRoles,
        List<String> roles) {

    public static final Principals NONE = new Principals(List.of(), List.of(), List.of(), List.of(), List.of());

    public Principals {
        slackUsers = List.copyOf(slackUsers);
        slackGroups = List.copyOf(slackGroups);
        discordUsers = List.copyOf(discordUsers);
        discordRoles = List.copyOf(discordRoles);
        roles = List.copyOf(roles);
    }

    public boolean isEmpty() {
        return slackUsers.isEmpty() && slackGroups.isEmpty() && discordUsers.isEmpty()
                && discordRoles.isEmpty() && roles.isEmpty();
    }
}

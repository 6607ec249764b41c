package dev.countdown.release;

import java.util.Set;

/**
 * Who acts: a user as a platform knows them. Authorization compares these ids with a manifest's
 * principals, so the core needs the identity's namespace but nothing else of the platform.
 *
 * @param groups the user's Slack user groups or Discord roles, as the adapter resolved them
 */
public record Actor(IdentitySource source, String userId, String displayName, Set<String> groups) {

    /** Refuses what does not fit the audit trail (see {@link Limits}); adapters answer the message as bad input. */
    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id");
        }
        Limits.require("user id", userId, Limits.USER_ID);
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
        Limits.require("display name", displayName, Limits.DISPLAY_NAME);
        Set<String> given = groups == null ? Set.of() : groups;
        Limits.problemWithGroups(given).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        groups = Set.copyOf(given);
    }

    /** Who stands in the audit trail: the identity without the groups it had at the time. */
    public ActorRef ref() {
        return new ActorRef(source, userId, displayName);
    }
}

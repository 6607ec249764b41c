package dev.countdown.release;

import java.util.Set;

/**
 * Who acts: a user as a platform knows them. Authorization compares these ids with a manifest's
 * principals, so the core needs the identity's namespace but nothing else of the platform.
 *
 * @param groups the user's Slack user groups or Discord roles, as the adapter resolved them
 */
public record Actor(IdentitySource source, String userId, String displayName, Set<String> groups) {

    public Actor {
        groups = Set.copyOf(groups);
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user id");
        }
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }

    /** Who stands in the audit trail: the identity without the groups it had at the time. */
    public ActorRef ref() {
        return new ActorRef(source, userId, displayName);
    }
}

package dev.countdown.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which of a manifest's Slack user groups a user belongs to. Slack does not send groups with a
 * click, so members are fetched per group and kept for a minute: a click costs no API call while
 * the cache is warm, and a membership change takes effect within that minute. A stale group is
 * refreshed once, in the background, however many clicks find it stale
 * ({@code usergroups.users.list} is Tier 2: a refresh per click would be a storm of 429s); one that
 * Slack could not list is tried again after {@link #RETRY}, its last members kept meanwhile.
 */
final class SlackGroups {

    private static final Duration TTL = Duration.ofMinutes(1);
    static final Duration RETRY = Duration.ofSeconds(30);

    private record Members(Set<String> users, Instant fetched) {
    }

    private final MethodsClient slack;
    private final Clock clock;
    private final Map<String, Members> cache = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> firstFetch = new ConcurrentHashMap<>();

    SlackGroups(MethodsClient slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    Set<String> groupsOf(String userId, Collection<String> candidates) {
        Set<String> groups = new HashSet<>();
        for (String group : candidates) {
            if (members(group).contains(userId)) {
                groups.add(group);
            }
        }
        return groups;
    }

    private Set<String> members(String group) {
        Members cached = cache.get(group);
        if (cached != null) {
            if (!cached.fetched().plus(TTL).isAfter(clock.instant()) && refreshing.add(group)) {
                Thread.ofVirtual().start(() -> {
                    try {
                        fetch(group, cached);
                    } finally {
                        refreshing.remove(group);
                    }
                });
            }
            return cached.users();
        }
        // Not known yet (a click before the start-up warming finished): one fetch, the others wait for it.
        ReentrantLock first = firstFetch.computeIfAbsent(group, g -> new ReentrantLock());
        first.lock();
        try {
            Members known = cache.get(group);
            return known != null ? known.users() : fetch(group, null);
        } finally {
            first.unlock();
        }
    }

    private Set<String> fetch(String group, Members cached) {
        try {
            UsergroupsUsersListResponse response = slack.usergroupsUsersList(r -> r.usergroup(group));
            List<String> users = response.isOk() && response.getUsers() != null ? response.getUsers() : List.of();
            Members fresh = new Members(Set.copyOf(users), clock.instant());
            cache.put(group, fresh);
            return fresh.users();
        } catch (IOException | SlackApiException e) {
            // Unknown membership grants nothing; a stale answer is still better than none. Either is
            // kept until RETRY has passed, so a Slack that cannot answer is not asked on every click.
            Set<String> users = cached == null ? Set.of() : cached.users();
            cache.put(group, new Members(users, clock.instant().minus(TTL).plus(RETRY)));
            return users;
        }
    }
}

package dev.countdown.web;

import dev.countdown.evidence.AuditEvent;
import dev.countdown.release.DisplayNames;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.LoadedRelease;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The one place the pages turn a person into what a reader sees: the name their platform gives
 * them now ({@link DisplayNames}, the people directory), else what the release recorded.
 */
@Singleton
public class People {

    private final DisplayNames names;

    People(DisplayNames names) {
        this.names = names;
    }

    /** {@code who}: a name already resolved, or one the record holds as it is. */
    public String shown(String who) {
        return who == null ? "" : who;
    }

    /** A Slack user a manifest names by id. */
    public String slackUser(String userId) {
        return names.of(IdentitySource.SLACK, userId, userId);
    }

    /** A Discord user a manifest names by id. */
    public String discordUser(String userId) {
        return names.of(IdentitySource.DISCORD, userId, userId);
    }

    /** Everyone in the release by their names, for the page only. */
    LoadedRelease named(LoadedRelease loaded) {
        return loaded.named(names);
    }

    /** The trail's actors by their names, for the page only: the stored events keep what was recorded. */
    List<AuditEvent> named(List<AuditEvent> events) {
        return Timeline.named(events, names);
    }

    DisplayNames names() {
        return names;
    }
}

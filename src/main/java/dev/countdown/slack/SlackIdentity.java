package dev.countdown.slack;

import dev.countdown.manifest.Principals;
import dev.countdown.people.PeopleDirectory;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.release.Actor;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.Limits;
import dev.countdown.release.ManifestRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who a Slack user is to the core: their id, name, and the manifest's user groups they are in. */
final class SlackIdentity {

    private final ManifestRegistry registry;
    private final SlackGroups groups;
    private final PeopleDirectory people;

    SlackIdentity(ManifestRegistry registry, SlackGroups groups, PeopleDirectory people) {
        this.registry = registry;
        this.groups = groups;
        this.people = people;
    }

    /**
     * The actor for a Slack user. Their name is Slack's word for them, not something they sent
     * us: one longer than the audit trail keeps is cut to fit, rather than shutting them out. The
     * id is what authorizes and must be whole; the handlers refuse one that is too long.
     */
    Actor actor(String userId, String name, ReleaseManifest manifest) {
        people.want(IdentitySource.SLACK, userId);
        return new Actor(IdentitySource.SLACK, userId, Limits.fit(name, Limits.DISPLAY_NAME),
                groups.groupsOf(userId, groupsNamedIn(manifest)));
    }

    /**
     * Fetches the members of every user group the manifests name, so that a click never waits for
     * Slack to say who is in a group; run in the background at start.
     */
    void warm() {
        registry.all().forEach(m -> groups.groupsOf("", groupsNamedIn(m)));
    }

    private static Set<String> groupsNamedIn(ReleaseManifest m) {
        Set<String> named = new LinkedHashSet<>();
        m.roles().values().stream().map(RoleSpec::owners).map(Principals::slackGroups).forEach(named::addAll);
        for (Principals p : List.of(m.permissions().start(), m.permissions().rollback(), m.permissions().decide())) {
            named.addAll(p.slackGroups());
        }
        return named;
    }
}

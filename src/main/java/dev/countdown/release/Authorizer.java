package dev.countdown.release;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides from a manifest who may do what; the manifest is the only source of authority.
 *
 * <p>The playground lets anyone act as a user they pick, so its identities must never reach a
 * real release: a {@link IdentitySource#PLAYGROUND} actor stands in for the manifest's Slack user
 * of the same id only in a release started in the playground, and in such a release only
 * playground actors (and the system) count.
 */
public final class Authorizer {

    private final ReleaseManifest manifest;
    private final Scope scope;

    /** Whose identities count: the release's venue, when the caller knows it. */
    private enum Scope { ANY, REAL, PLAYGROUND }

    /**
     * For a caller that does not know the release's venue: every identity is taken at its word.
     * {@link Ceremony} still refuses a playground actor outside the playground, and the reverse.
     */
    public Authorizer(ReleaseManifest manifest) {
        this(manifest, Scope.ANY);
    }

    /** For the release {@code startedBy} started (or, at its start, is starting). */
    public Authorizer(ReleaseManifest manifest, ActorRef startedBy) {
        this(manifest, startedBy.source() == IdentitySource.PLAYGROUND ? Scope.PLAYGROUND : Scope.REAL);
    }

    private Authorizer(ReleaseManifest manifest, Scope scope) {
        this.manifest = manifest;
        this.scope = scope;
    }

    /**
     * Why {@code actor} may not act at all on a release {@code startedBy} started, if so: the
     * playground and the real platforms never act on each other's releases. The system (the
     * probe watch) acts on both.
     */
    public static Optional<String> venueRefusal(Actor actor, ActorRef startedBy) {
        boolean playgroundActor = actor.source() == IdentitySource.PLAYGROUND;
        boolean playgroundRelease = startedBy.source() == IdentitySource.PLAYGROUND;
        if (playgroundActor && !playgroundRelease) {
            return Optional.of("The playground acts only on releases started in the playground; this one was started "
                    + "from " + startedBy.source().label() + ".");
        }
        if (playgroundRelease && !playgroundActor && actor.source() != IdentitySource.SYSTEM) {
            return Optional.of("This release was started in the playground; only the playground acts on it.");
        }
        return Optional.empty();
    }

    public boolean owns(Actor actor, String roleId) {
        return manifest.role(roleId).map(role -> matches(role.owners(), actor)).orElse(false);
    }

    public Principals owners(String roleId) {
        return manifest.role(roleId).map(RoleSpec::owners).orElse(Principals.NONE);
    }

    /** Who may start: as the manifest says, or the owners of any role. */
    public Principals starters() {
        Principals start = manifest.permissions().start();
        return start.isEmpty() ? anyRoleOwner() : start;
    }

    public Principals rollbackStarters() {
        Principals rollback = manifest.permissions().rollback();
        return rollback.isEmpty() ? anyRoleOwner() : rollback;
    }

    /** Who may decide, cancel or reopen: as the manifest says, or whoever may start and the role owners. */
    public Principals deciders() {
        Principals decide = manifest.permissions().decide();
        return decide.isEmpty() ? union(starters(), anyRoleOwner()) : decide;
    }

    /** Who may tick items and add notes: everyone with a part in the ceremony. */
    public Principals participants() {
        return union(union(starters(), deciders()), anyRoleOwner());
    }

    public boolean allows(Principals principals, Actor actor) {
        return matches(principals, actor);
    }

    private boolean matches(Principals p, Actor actor) {
        boolean direct = switch (actor.source()) {
            case SLACK -> scope != Scope.PLAYGROUND && (p.slackUsers().contains(actor.userId())
                    || p.slackGroups().stream().anyMatch(actor.groups()::contains));
            case DISCORD -> scope != Scope.PLAYGROUND && (p.discordUsers().contains(actor.userId())
                    || p.discordRoles().stream().anyMatch(actor.groups()::contains));
            // The playground's picker lists the manifest's Slack users; groups it cannot know.
            case PLAYGROUND -> scope != Scope.REAL && p.slackUsers().contains(actor.userId());
            case API, SYSTEM -> false;
        };
        return direct || p.roles().stream().anyMatch(role -> owns(actor, role));
    }

    private Principals anyRoleOwner() {
        return new Principals(List.of(), List.of(), List.of(), List.of(), List.copyOf(manifest.roles().keySet()));
    }

    private static Principals union(Principals a, Principals b) {
        return new Principals(merge(a.slackUsers(), b.slackUsers()), merge(a.slackGroups(), b.slackGroups()),
                merge(a.discordUsers(), b.discordUsers()), merge(a.discordRoles(), b.discordRoles()),
                merge(a.roles(), b.roles()));
    }

    private static List<String> merge(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !all.contains(x)).forEach(all::add);
        return all;
    }
}

package dev.countdown.release;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import java.util.ArrayList;
import java.util.List;

/** Decides from a manifest who may do what; the manifest is the only source of authority. */
public final class Authorizer {

    private final ReleaseManifest manifest;

    public Authorizer(ReleaseManifest manifest) {
        this.manifest = manifest;
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
            case SLACK -> p.slackUsers().contains(actor.userId())
                    || p.slackGroups().stream().anyMatch(actor.groups()::contains);
            case DISCORD -> p.discordUsers().contains(actor.userId())
                    || p.discordRoles().stream().anyMatch(actor.groups()::contains);
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

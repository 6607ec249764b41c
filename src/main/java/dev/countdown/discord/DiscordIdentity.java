package dev.countdown.discord;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.release.Actor;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.Limits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/**
 * Who a Discord user is to the core: their id, the name Discord shows for them, and those of
 * their guild roles the manifest names. The roles come with the interaction: no call waits on Discord.
 */
final class DiscordIdentity {

    private DiscordIdentity() {
    }

    static Actor actor(User user, Member member, ReleaseManifest manifest) {
        Set<String> named = rolesNamedIn(manifest);
        Set<String> roles = new HashSet<>();
        if (member != null) {
            member.getRoles().stream().map(r -> r.getId()).filter(named::contains).forEach(roles::add);
        }
        return new Actor(IdentitySource.DISCORD, user.getId(), Limits.fit(displayName(user, member), Limits.DISPLAY_NAME),
                roles);
    }

    /** The guild nickname, else the global display name, else the username: the name people see. */
    static String displayName(User user, Member member) {
        if (member != null && member.getNickname() != null) {
            return member.getNickname();
        }
        return user.getGlobalName() != null ? user.getGlobalName() : user.getName();
    }

    private static Set<String> rolesNamedIn(ReleaseManifest m) {
        Set<String> named = new HashSet<>();
        m.roles().values().stream().map(RoleSpec::owners).map(Principals::discordRoles).forEach(named::addAll);
        for (Principals p : List.of(m.permissions().start(), m.permissions().rollback(), m.permissions().decide())) {
            named.addAll(p.discordRoles());
        }
        return named;
    }
}

package dev.countdown.chat;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.release.CommandResult;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseService;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An answer as a platform shows it: a refusal about permission names who could instead, rendered
 * from its {@link Principals} in the platform's {@link Mentions}, not from the core's words.
 * Each person or group is named once, as the core names them: one named directly and as a role's
 * owner is named with the role.
 */
@Singleton
public class WhoCan {

    private final ReleaseService releases;

    WhoCan(ReleaseService releases) {
        this.releases = releases;
    }

    public String render(ChatCommands.Answer answer, Mentions mentions) {
        Optional<CommandResult.Refused> refusal = answer.refusal().filter(r -> !r.whoCould().isEmpty());
        if (refusal.isEmpty()) {
            return mentions.plain(answer.text());
        }
        Optional<ReleaseManifest> manifest = answer.manifest().or(() -> Optional.ofNullable(refusal.get().releaseId())
                .flatMap(releases::find).map(LoadedRelease::definition).map(d -> d.manifest()));
        return mentions.plain(refusal.get().reason()) + " " + mentions.plain("Who can: ")
                + String.join(mentions.plain("; "), describe(refusal.get().whoCould(), manifest, mentions))
                + mentions.plain(".");
    }

    private static List<String> describe(Principals p, Optional<ReleaseManifest> manifest, Mentions m) {
        Set<String> named = new LinkedHashSet<>();
        List<String> roleParts = new ArrayList<>();
        for (String roleId : p.roles()) {
            Optional<RoleSpec> role = manifest.flatMap(mf -> mf.role(roleId));
            roleParts.add(role.map(r -> owners(r, named, m)).orElse(m.plain("owners of " + roleId)));
        }
        List<String> parts = new ArrayList<>(direct(p, m));
        parts.removeAll(named);
        parts.addAll(roleParts);
        return parts;
    }

    private static List<String> direct(Principals p, Mentions m) {
        List<String> parts = new ArrayList<>();
        p.slackUsers().forEach(u -> parts.add(m.slackUser(u)));
        p.slackGroups().forEach(g -> parts.add(m.slackGroup(g)));
        p.discordUsers().forEach(u -> parts.add(m.discordUser(u)));
        p.discordRoles().forEach(r -> parts.add(m.discordRole(r)));
        return parts.stream().distinct().toList();
    }

    private static String owners(RoleSpec role, Set<String> named, Mentions m) {
        List<String> all = direct(role.owners(), m);
        List<String> owners = all.stream().filter(named::add).toList();
        String who = owners.isEmpty() ? (all.isEmpty() ? "" : m.plain(" (named above)"))
                : m.plain(" (") + String.join(m.plain(", "), owners) + m.plain(")");
        return m.plain(role.title() + " owners") + who;
    }
}

package dev.countdown.release;

import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Names people in platform-neutral words for refusals: "Who can: QA Lead owners (slack user
 * U0QA1, slack group S0QA)". Chat adapters render the same {@link Principals} as mentions.
 */
final class Describer {

    private final ReleaseManifest manifest;

    Describer(ReleaseManifest manifest) {
        this.manifest = manifest;
    }

    String whoCan(Principals principals) {
        List<String> parts = describe(principals);
        return parts.isEmpty() ? "Nobody is named for this in the manifest." : "Who can: " + String.join("; ", parts) + ".";
    }

    /** Each person or group is named once: one named directly and as a role's owner is named with the role. */
    List<String> describe(Principals p) {
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        List<String> roleParts = new ArrayList<>();
        for (String roleId : p.roles()) {
            manifest.role(roleId).ifPresent(role -> roleParts.add(owners(role, named)));
        }
        List<String> parts = new ArrayList<>(direct(p));
        parts.removeAll(named);
        parts.addAll(roleParts);
        return parts;
    }

    private static List<String> direct(Principals p) {
        List<String> parts = new ArrayList<>();
        p.slackUsers().forEach(u -> parts.add("slack user " + u));
        p.slackGroups().forEach(g -> parts.add("slack group " + g));
        p.discordUsers().forEach(u -> parts.add("discord user " + u));
        p.discordRoles().forEach(r -> parts.add("discord role " + r));
        return parts.stream().distinct().toList();
    }

    private static String owners(RoleSpec role, java.util.Set<String> named) {
        List<String> all = direct(role.owners());
        List<String> owners = all.stream().filter(named::add).toList();
        String who = owners.isEmpty() ? (all.isEmpty() ? "" : " (named above)") : " (" + String.join(", ", owners) + ")";
        return role.title() + " owners" + who;
    }
}

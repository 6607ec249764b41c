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

    List<String> describe(Principals p) {
        List<String> parts = new ArrayList<>();
        p.slackUsers().forEach(u -> parts.add("slack user " + u));
        p.slackGroups().forEach(g -> parts.add("slack group " + g));
        p.discordUsers().forEach(u -> parts.add("discord user " + u));
        p.discordRoles().forEach(r -> parts.add("discord role " + r));
        for (String roleId : p.roles()) {
            manifest.role(roleId).ifPresent(role -> parts.add(owners(role)));
        }
        return parts;
    }

    private String owners(RoleSpec role) {
        List<String> owners = describe(new Principals(role.owners().slackUsers(), role.owners().slackGroups(),
                role.owners().discordUsers(), role.owners().discordRoles(), List.of()));
        return role.title() + " owners" + (owners.isEmpty() ? "" : " (" + String.join(", ", owners) + ")");
    }
}

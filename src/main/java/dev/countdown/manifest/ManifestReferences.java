package dev.countdown.manifest;

import dev.countdown.template.ApprovalRole;
import dev.countdown.template.ChecklistItem;
import dev.countdown.template.ChecklistTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks that what a manifest names exists: its roles, its probes, its template's items. It runs
 * after the readers, which have already reported values of the wrong shape, so it reads the YAML
 * quietly ({@link YamlNode#children()}, {@link YamlNode#scalar()}) and reports each problem once.
 */
final class ManifestReferences {

    private final ReleaseManifest manifest;
    private final YamlNode root;

    ManifestReferences(ReleaseManifest manifest, YamlNode root) {
        this.manifest = manifest;
        this.root = root;
    }

    void checkRoles() {
        YamlNode permissions = root.optional("permissions");
        for (String act : List.of("start", "rollback", "decide")) {
            roleList(permissions.optional(act).optional("roles"));
        }
        YamlNode policy = root.optional("policy");
        roleList(policy.optional("required-roles"));
        roleList(policy.optional("quorum").optional("of"));
        roleList(policy.optional("review-band").optional("requires"));
        policy.optional("override").optional("requires").children().forEach((role, count) -> {
            roleName(count, role);
            reachable(count, role, manifest.policy().override().map(o -> o.requires().getOrDefault(role, 1)).orElse(1));
        });
        roleList(root.optional("rollback").optional("decision-owner"));
        roleList(root.optional("reminders").optional("escalate-to"));
        manifest.policy().quorum().ifPresent(q -> {
            if (q.atLeast() > q.of().size()) {
                policy.optional("quorum").error("asks for at least " + q.atLeast() + " of "
                        + q.of().size() + " roles; it can never be met");
            }
        });
        root.optional("roles").children().forEach((id, role) -> manifest.role(id).ifPresent(spec ->
                reachable(role.optional("approvals"), id, spec.approvals())));
    }

    void checkProbes() {
        root.optional("watch").optional("probes").items().forEach(item -> {
            String name = item.text("a probe name");
            if (!name.isEmpty() && manifest.probe(name).isEmpty() && root.optional("probes").get(name).isEmpty()) {
                item.error("no probe named '" + name + "' under probes");
            }
        });
        YamlNode bindings = root.optional("bindings");
        YamlNode probes = root.optional("probes");
        // a probe that is written but could not be read (e.g. an unknown type) is reported there
        manifest.bindings().keySet().stream()
                .filter(probe -> manifest.probe(probe).isEmpty() && !probes.children().containsKey(probe))
                .forEach(probe -> bindings.optional(probe).error("no probe named '" + probe + "'; probes here: "
                        + (manifest.probes().isEmpty() ? "none" : String.join(", ", manifest.probes().keySet()))));
    }

    void checkItems(ChecklistTemplate template) {
        YamlNode bindings = root.optional("bindings");
        bindings.children().forEach((probe, items) -> items.items().forEach(item -> itemId(item, template)));
        root.optional("policy").optional("optional-items").items().forEach(item -> itemId(item, template));
        for (ApprovalRole role : template.roles()) {
            if (manifest.role(role.id()).isEmpty()) {
                root.optional("roles").warning("the template's sign-off names '" + role.title() + "' but no role '"
                        + role.id() + "' is defined here, so nobody can approve it");
            }
        }
    }

    private void roleList(YamlNode node) {
        node.items().forEach(element -> element.scalar().ifPresent(role -> roleName(element, role)));
    }

    private void roleName(YamlNode node, String role) {
        if (!role.isEmpty() && manifest.role(role).isEmpty()) {
            node.error("no role '" + role + "' is defined under roles (defined: "
                    + String.join(", ", manifest.roles().keySet()) + ")");
        }
    }

    /**
     * Asking a role for more approvals than it has people can never be met. Only a role named by
     * individual users can be counted: a Slack user group or a Discord role may hold anyone.
     */
    private void reachable(YamlNode node, String role, int approvals) {
        manifest.role(role).map(RoleSpec::owners)
                .filter(o -> o.slackGroups().isEmpty() && o.discordRoles().isEmpty())
                .map(o -> o.slackUsers().size() + o.discordUsers().size())
                .filter(people -> people > 0 && approvals > people)
                .ifPresent(people -> node.error("asks for " + approvals + " approvals of role '" + role
                        + "', which names only " + people + " " + (people == 1 ? "person" : "people")
                        + "; it can never be met"));
    }

    private static void itemId(YamlNode node, ChecklistTemplate template) {
        Optional<String> written = node.scalar();
        if (written.isEmpty() || template.item(written.get()).isPresent()) {
            return;
        }
        String id = written.get();
        String hint = nearest(id, template.items()).map(i -> "; did you mean '" + i + "'?")
                .orElse("; run 'countdown template lint' on the template to see its item ids");
        node.error("the template has no item '" + id + "'" + hint);
    }

    private static Optional<String> nearest(String id, List<ChecklistItem> items) {
        return items.stream().map(ChecklistItem::id)
                .min(Comparator.comparingInt(candidate -> YamlNode.distance(candidate, id)))
                .filter(candidate -> YamlNode.distance(candidate, id) <= Math.max(3, id.length() / 3));
    }
}

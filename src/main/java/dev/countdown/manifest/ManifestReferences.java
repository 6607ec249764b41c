package dev.countdown.manifest;

import dev.countdown.template.ApprovalRole;
import dev.countdown.template.ChecklistItem;
import dev.countdown.template.ChecklistTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Checks that what a manifest names exists: its roles, its probes, its template's items. */
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
        YamlNode overrideRoles = policy.optional("override").optional("requires");
        overrideRoles.entries("").keySet().forEach(role -> roleName(overrideRoles.optional(role), role));
        roleList(root.optional("rollback").optional("decision-owner"));
        manifest.policy().quorum().ifPresent(q -> {
            if (q.atLeast() > q.of().size()) {
                policy.optional("quorum").error("asks for at least " + q.atLeast() + " of "
                        + q.of().size() + " roles; it can never be met");
            }
        });
    }

    void checkProbes() {
        YamlNode bindings = root.optional("bindings");
        manifest.bindings().keySet().stream()
                .filter(probe -> manifest.probe(probe).isEmpty())
                .forEach(probe -> bindings.optional(probe).error("no probe named '" + probe + "'; probes here: "
                        + (manifest.probes().isEmpty() ? "none" : String.join(", ", manifest.probes().keySet()))));
    }

    void checkItems(ChecklistTemplate template) {
        YamlNode bindings = root.optional("bindings");
        bindings.entries("").forEach((probe, items) -> items.items().forEach(item -> itemId(item, template)));
        root.optional("policy").optional("optional-items").items().forEach(item -> itemId(item, template));
        for (ApprovalRole role : template.roles()) {
            if (manifest.role(role.id()).isEmpty()) {
                root.optional("roles").warning("the template's sign-off names '" + role.title() + "' but no role '"
                        + role.id() + "' is defined here, so nobody can approve it");
            }
        }
    }

    private void roleList(YamlNode node) {
        node.items().forEach(element -> roleName(element, element.text("a role id")));
    }

    private void roleName(YamlNode node, String role) {
        if (!role.isEmpty() && manifest.role(role).isEmpty()) {
            node.error("no role '" + role + "' is defined under roles (defined: "
                    + String.join(", ", manifest.roles().keySet()) + ")");
        }
    }

    private static void itemId(YamlNode node, ChecklistTemplate template) {
        String id = node.text("an item id");
        if (id.isEmpty() || template.item(id).isPresent()) {
            return;
        }
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

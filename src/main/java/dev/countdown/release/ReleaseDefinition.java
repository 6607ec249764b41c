package dev.countdown.release;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import dev.countdown.template.Gate;
import dev.countdown.template.ChecklistItem;
import dev.countdown.template.ChecklistTemplate;
import dev.countdown.template.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest and template a release runs, as they were when it started, cut into phases.
 *
 * @param hash the SHA-256 of the snapshot the two were read from
 */
public record ReleaseDefinition(String hash, ReleaseManifest manifest, ChecklistTemplate template, List<Phase> phases,
                                boolean rollback) {

    public ReleaseDefinition {
        phases = List.copyOf(phases);
    }

    public static ReleaseDefinition of(String hash, ReleaseManifest manifest, ChecklistTemplate template) {
        return new ReleaseDefinition(hash, manifest, template, cut(template), false);
    }

    /**
     * A rollback ceremony's definition: no gates (the decision owner's approval is its decision);
     * one phase of everything but the post-rollback items, which unlock when the rollback is done.
     */
    public static ReleaseDefinition rollback(String hash, ReleaseManifest manifest, ChecklistTemplate template) {
        List<String> during = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Section section : template.sections()) {
            section.items().forEach(i -> (RollbackChecklist.isAfterward(section) ? after : during).add(i.id()));
        }
        Gate done = new Gate("the rollback", List.of(), 0);
        List<Phase> phases = List.of(new Phase(0, Optional.empty(), Optional.of(done), during),
                new Phase(1, Optional.empty(), Optional.empty(), after));
        return new ReleaseDefinition(hash, manifest, template, phases, true);
    }

    /** The roles whose approvals this ceremony shows: a rollback's decision owner alone. */
    public List<RoleSpec> approvalRoles() {
        if (rollback) {
            return manifest.rollback().decisionOwner().flatMap(manifest::role).stream().toList();
        }
        return List.copyOf(manifest.roles().values());
    }

    /** Whether a role's approval is required: a rollback requires its decision owner's. */
    public boolean requires(String roleId) {
        return rollback ? manifest.rollback().decisionOwner().filter(roleId::equals).isPresent()
                : manifest.policy().requiredRoles().contains(roleId);
    }

    /** Each gate closes a phase; items after the last gate form a last phase of their own. */
    private static List<Phase> cut(ChecklistTemplate template) {
        List<Phase> phases = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Section section : template.sections()) {
            section.items().stream().map(ChecklistItem::id).forEach(pending::add);
            if (section.gate().isPresent()) {
                phases.add(new Phase(phases.size(), Optional.of(section.id()), section.gate(), pending));
                pending = new ArrayList<>();
            }
        }
        if (!pending.isEmpty() || phases.isEmpty()) {
            phases.add(new Phase(phases.size(), Optional.empty(), Optional.empty(), pending));
        }
        return phases;
    }

    public boolean isLastPhase(int index) {
        return index == phases.size() - 1;
    }

    public Phase phase(int index) {
        return phases.get(Math.min(index, phases.size() - 1));
    }

    public int phaseOf(String itemId) {
        return phases.stream().filter(p -> p.itemIds().contains(itemId)).mapToInt(Phase::index).findFirst().orElse(-1);
    }

    /** Items of the given phase and every phase before it. */
    public List<String> itemsThrough(int phaseIndex) {
        return phases.stream().filter(p -> p.index() <= phaseIndex).flatMap(p -> p.itemIds().stream()).toList();
    }

    public Optional<ChecklistItem> item(String id) {
        return template.item(id);
    }
}

package dev.countdown.release;

import dev.countdown.manifest.DecisionPolicy;
import dev.countdown.manifest.ProbeSpec;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.manifest.RoleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a manifest's decision policy to a release. A gate weighs the items up to it and their
 * evidence; the release's decision also weighs approvals, the quorum, the review band and, when
 * asked, the override.
 */
public final class DecisionPolicyEvaluator {

    private final ReleaseDefinition definition;
    private final ReleaseManifest manifest;
    private final DecisionPolicy policy;

    public DecisionPolicyEvaluator(ReleaseDefinition definition) {
        this.definition = definition;
        this.manifest = definition.manifest();
        this.policy = manifest.policy();
    }

    public Verdict evaluate(Release release, int phaseIndex, boolean override, Instant now) {
        boolean last = definition.isLastPhase(phaseIndex);
        List<String> scope = definition.itemsThrough(phaseIndex).stream()
                .filter(id -> !policy.optionalItems().contains(id)).toList();
        List<Reason> reasons = new ArrayList<>(itemReasons(release, scope));
        if (last && !reasons.isEmpty() && policy.reviewBand().isPresent()) {
            reasons = reviewBand(release, scope, reasons, policy.reviewBand().get());
        }
        reasons.addAll(evidenceReasons(release, scope, now));
        if (last) {
            reasons.addAll(approvalReasons(release));
        }
        if (reasons.isEmpty()) {
            return new Verdict(Outcome.GO, List.of(), false);
        }
        if (override && policy.override().isPresent()) {
            List<Reason> missing = overrideReasons(release, policy.override().get());
            if (missing.isEmpty()) {
                return new Verdict(Outcome.GO, reasons, true);
            }
            reasons.addAll(missing);
        }
        return new Verdict(Outcome.NO_GO, reasons, false);
    }

    private List<Reason> itemReasons(Release release, List<String> scope) {
        List<Reason> reasons = new ArrayList<>();
        for (String id : scope) {
            ItemStatus status = release.item(id);
            String text = definition.item(id).map(i -> i.text()).orElse(id);
            List<String> notes = status.notesOnState();
            String note = notes.isEmpty() ? "" : ": " + String.join("; ", notes);
            switch (status.state()) {
                case FAIL -> reasons.add(new Reason(Reason.Kind.ITEM_FAILED, id, "failed: " + text + note));
                case BLOCKED -> reasons.add(new Reason(Reason.Kind.ITEM_BLOCKED, id, "blocked: " + text + note));
                case PENDING -> reasons.add(new Reason(Reason.Kind.ITEM_PENDING, id, "not done: " + text));
                case PASS, NA -> {
                    // settled
                }
            }
        }
        return reasons;
    }

    /** Nearly passing: the unsettled items stand if the band's roles approved, and only then. */
    private List<Reason> reviewBand(Release release, List<String> scope, List<Reason> itemReasons,
                                    DecisionPolicy.ReviewBand band) {
        long applicable = scope.stream().filter(id -> release.item(id).state() != ItemState.NA).count();
        long passing = scope.stream().filter(id -> release.item(id).state() == ItemState.PASS).count();
        if (applicable == 0 || passing * 100 < (long) band.minPassingPercent() * applicable) {
            return itemReasons;
        }
        List<String> missing = band.requires().stream().filter(role -> !approved(release, role)).toList();
        if (missing.isEmpty()) {
            return new ArrayList<>();
        }
        List<Reason> reasons = new ArrayList<>(itemReasons);
        reasons.add(new Reason(Reason.Kind.REVIEW_BAND, String.join(",", missing),
                "%d of %d items pass: a GO needs the approval of %s".formatted(passing, applicable,
                        String.join(", ", missing.stream().map(this::title).toList()))));
        return reasons;
    }

    /** Items a probe set are only as good as the probe's evidence is fresh. */
    private List<Reason> evidenceReasons(Release release, List<String> scope, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        for (Map.Entry<String, List<String>> binding : manifest.bindings().entrySet()) {
            ProbeSpec probe = manifest.probe(binding.getKey()).orElse(null);
            if (probe == null) {
                continue;
            }
            Duration limit = manifest.freshness(probe);
            for (String id : binding.getValue()) {
                ItemStatus status = release.item(id);
                if (scope.contains(id) && status.bySystem() && status.state() == ItemState.PASS
                        && status.at() != null && Duration.between(status.at(), now).compareTo(limit) > 0) {
                    reasons.add(new Reason(Reason.Kind.EVIDENCE_STALE, probe.name(), "stale evidence: probe %s last passed %s ago (limit %s)"
                            .formatted(probe.name(), human(Duration.between(status.at(), now)), human(limit))));
                }
            }
        }
        return reasons;
    }

    private List<Reason> approvalReasons(Release release) {
        List<Reason> reasons = new ArrayList<>();
        for (String roleId : policy.requiredRoles()) {
            roleReason(release, roleId).ifPresent(reasons::add);
        }
        policy.quorum().ifPresent(q -> {
            long met = q.of().stream().filter(role -> approved(release, role)).count();
            if (met < q.atLeast()) {
                reasons.add(new Reason(Reason.Kind.QUORUM_NOT_MET, String.join(",", q.of()),
                        "%d of %s approved; at least %d needed".formatted(met,
                                String.join(", ", q.of().stream().map(this::title).toList()), q.atLeast())));
            }
        });
        return reasons;
    }

    private java.util.Optional<Reason> roleReason(Release release, String roleId) {
        List<Vote> rejections = release.votes(roleId).stream().filter(v -> !v.approve()).toList();
        if (!rejections.isEmpty()) {
            Vote first = rejections.getFirst();
            return java.util.Optional.of(new Reason(Reason.Kind.ROLE_REJECTED, roleId, "%s rejected by %s%s"
                    .formatted(title(roleId), first.by().displayName(), first.note().isBlank() ? "" : ": " + first.note())));
        }
        long have = release.approvals(roleId);
        int need = manifest.role(roleId).map(RoleSpec::approvals).orElse(1);
        if (have < need) {
            return java.util.Optional.of(new Reason(Reason.Kind.ROLE_MISSING, roleId,
                    "%s not approved (%d of %d)".formatted(title(roleId), have, need)));
        }
        return java.util.Optional.empty();
    }

    private List<Reason> overrideReasons(Release release, DecisionPolicy.Override override) {
        List<Reason> reasons = new ArrayList<>();
        override.requires().forEach((roleId, count) -> {
            long have = release.approvals(roleId);
            if (have < count) {
                reasons.add(new Reason(Reason.Kind.ROLE_MISSING, roleId,
                        "override needs %d approval(s) of %s, has %d".formatted(count, title(roleId), have)));
            }
        });
        return reasons;
    }

    private boolean approved(Release release, String roleId) {
        int need = manifest.role(roleId).map(RoleSpec::approvals).orElse(1);
        return release.approvals(roleId) >= need && release.votes(roleId).stream().allMatch(Vote::approve);
    }

    private String title(String roleId) {
        return manifest.role(roleId).map(RoleSpec::title).orElse(roleId);
    }

    static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT).replaceAll("\\.\\d+", "");
    }
}

package dev.countdown.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's release manifest: which checklist it runs, where, who owns which approval, which
 * probes may run and what they tick, and what a GO takes.
 *
 * @param source      the file it was read from, for messages
 * @param template    the template file as written in the manifest
 * @param permissions who may start a release, start a rollback, and decide
 * @param bindings    probe name → the item ids its result sets
 * @param windows     when a GO may be given: deployment windows and freezes; empty, at any time
 * @param reminders   when approvals still pending are nudged and escalated; empty, never
 */
public record ReleaseManifest(
        String source,
        String service,
        String template,
        Channels channels,
        Map<String, RoleSpec> roles,
        Permissions permissions,
        Map<String, ProbeSpec> probes,
        Map<String, List<String>> bindings,
        DecisionPolicy policy,
        RollbackPlan rollback,
        java.util.Optional<WatchPlan> watch,
        java.util.Optional<ChangeWindows> windows,
        java.util.Optional<ReminderPlan> reminders) {

    public ReleaseManifest {
        roles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(roles));
        probes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probes));
        bindings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bindings));
    }

    /** Who may do the ceremony's privileged acts; empty means "the owners of any role". */
    public record Permissions(Principals start, Principals rollback, Principals decide) {
    }

    public ReleaseManifest withPolicy(DecisionPolicy newPolicy) {
        return new ReleaseManifest(source, service, template, channels, roles, permissions, probes, bindings,
                newPolicy, rollback, watch, windows, reminders);
    }

    public Optional<RoleSpec> role(String id) {
        return Optional.ofNullable(roles.get(id));
    }

    public Optional<ProbeSpec> probe(String name) {
        return Optional.ofNullable(probes.get(name));
    }

    /** How old a probe's evidence may be and still count. */
    public Duration freshness(ProbeSpec probe) {
        return probe.settings().freshness().orElse(policy.evidenceMaxAge());
    }
}

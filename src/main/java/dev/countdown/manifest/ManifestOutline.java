package dev.countdown.manifest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What {@code manifest lint} prints: the manifest as Countdown will use it. Secrets stay references. */
final class ManifestOutline {

    private ManifestOutline() {
    }

    static String write(ManifestReader.Loaded loaded, String file) {
        ReleaseManifest m = loaded.manifest();
        StringBuilder out = new StringBuilder();
        out.append(m.service()).append("  (").append(file).append(")\n");
        out.append("  template: ").append(m.template()).append(" — ").append(loaded.template().title())
                .append(", ").append(loaded.template().items().size()).append(" items, ")
                .append(loaded.template().gatedSections().size()).append(" gates\n");
        out.append("  channels: slack ").append(m.channels().slack()).append(", discord ")
                .append(m.channels().discord()).append('\n');
        out.append("\nRoles\n");
        m.roles().values().forEach(r -> out.append("  %s {%s}: %d approval(s) of %s%n".formatted(
                r.title(), r.id(), r.approvals(), describe(r.owners()))));
        out.append("\nPermissions\n");
        out.append("  start: ").append(describeOrDefault(m.permissions().start())).append('\n');
        out.append("  rollback: ").append(describeOrDefault(m.permissions().rollback())).append('\n');
        out.append("  decide: ").append(describeOrDefault(m.permissions().decide())).append('\n');
        if (!m.probes().isEmpty()) {
            out.append("\nProbes\n");
            m.probes().values().forEach(p -> out.append("  %s (%s): timeout %s, fresh for %s, sets %s%n".formatted(
                    p.name(), p.type(), human(p.settings().timeout()), human(m.freshness(p)),
                    m.bindings().getOrDefault(p.name(), List.of()))));
        }
        DecisionPolicy policy = m.policy();
        out.append("\nPolicy\n  required roles: ").append(policy.requiredRoles()).append('\n');
        policy.quorum().ifPresent(q -> out.append("  quorum: at least ").append(q.atLeast()).append(" of ")
                .append(q.of()).append('\n'));
        policy.reviewBand().ifPresent(b -> out.append("  review band: from ").append(b.minPassingPercent())
                .append("% passing, a GO needs ").append(b.requires()).append('\n'));
        policy.override().ifPresent(o -> out.append("  override: ").append(o.requires()).append('\n'));
        out.append("  evidence max age: ").append(human(policy.evidenceMaxAge())).append(", auto-decide: ")
                .append(policy.autoDecide()).append('\n');
        Set<String> env = environment(m);
        if (!env.isEmpty()) {
            out.append("\nReads from the environment when used: ").append(String.join(", ", env)).append('\n');
        }
        if (!loaded.warnings().isEmpty()) {
            out.append("\nWarnings\n");
            loaded.warnings().forEach(w -> out.append("  ").append(w.format(file)).append('\n'));
        }
        return out.toString();
    }

    private static Set<String> environment(ReleaseManifest m) {
        Set<String> names = new LinkedHashSet<>();
        m.probes().values().stream().flatMap(ManifestOutline::secrets).forEach(s -> names.addAll(s.references()));
        m.rollback().action().ifPresent(a -> Stream.of(Stream.of(a.url()), a.headers().values().stream(),
                        a.secret().stream(), a.workflow().map(RollbackPlan.Workflow::token).stream())
                .flatMap(x -> x).forEach(s -> names.addAll(s.references())));
        return names;
    }

    private static Stream<SecretString> secrets(ProbeSpec probe) {
        return switch (probe) {
            case ProbeSpec.Http h -> Stream.concat(Stream.of(h.url()), h.headers().values().stream());
            case ProbeSpec.Prometheus p -> Stream.concat(Stream.of(p.url()), p.headers().values().stream());
            case ProbeSpec.Sql s -> Stream.of(Stream.of(s.url()), s.username().stream(), s.password().stream())
                    .flatMap(x -> x);
            case ProbeSpec.GithubActions g -> g.token().stream();
            case ProbeSpec.Tls t -> Stream.empty();
        };
    }

    private static String human(java.time.Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String describeOrDefault(Principals p) {
        return p.isEmpty() ? "the owners of any role" : describe(p);
    }

    private static String describe(Principals p) {
        List<String> parts = new java.util.ArrayList<>();
        p.slackUsers().forEach(u -> parts.add("<@" + u + ">"));
        p.slackGroups().forEach(g -> parts.add("<!subteam^" + g + ">"));
        p.discordUsers().forEach(u -> parts.add("discord user " + u));
        p.discordRoles().forEach(r -> parts.add("discord role " + r));
        p.roles().forEach(r -> parts.add("owners of " + r));
        return parts.isEmpty() ? "nobody" : String.join(", ", parts);
    }
}

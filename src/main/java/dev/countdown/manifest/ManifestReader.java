package dev.countdown.manifest;

import dev.countdown.source.SourceException;
import dev.countdown.source.SourceProblem;
import dev.countdown.source.SourceText;
import dev.countdown.template.ChecklistTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one manifest file into a {@link ReleaseManifest}, checking each field's type and form.
 * References between fields and to the template are checked by {@link ManifestReferences}.
 */
public final class ManifestReader {

    public static final long MAX_BYTES = 256 * 1024;

    private static final Set<String> TOP = Set.of("service", "description", "template", "channels", "roles",
            "permissions", "probes", "bindings", "policy", "rollback", "watch", "windows",
            "reminders");
    private static final Set<String> PRINCIPAL_KEYS = Set.of(
            "slack-users", "slack-groups", "discord-users", "discord-roles", "roles");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern ROLE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern SLACK_GROUP = Pattern.compile("S[A-Z0-9]{2,}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,21}");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%?");
    /** Bounded so that the numbers always fit an int. */
    private static final Pattern FRACTION = Pattern.compile("(\\d{1,6})\\s*(?:/|of)\\s*(\\d{1,6})");

    /** A manifest and the checklist it runs, both read and checked against each other. */
    public record Loaded(ReleaseManifest manifest, ChecklistTemplate template, List<SourceProblem> warnings) {
    }

    private final SecretReader secrets = new SecretReader();
    private final TemplateSource templates;

    public ManifestReader(TemplateSource templates) {
        this.templates = templates;
    }

    public Loaded read(Path file) throws SourceException {
        return read(file, SourceText.read(file, MAX_BYTES, "release manifest (YAML)"));
    }

    /**
     * Reads a manifest's text. A failure of the reader itself (a bug, found or not yet) is reported
     * as a problem of the line being read, so that one odd file never stops the reading of others.
     */
    public Loaded read(Path file, SourceText source) throws SourceException {
        YamlDocument document = YamlDocument.parse(source);
        Problems problems = new Problems();
        try {
            return read(file, source, document, problems);
        } catch (RuntimeException | StackOverflowError e) {
            throw SourceException.unexpected(source.name(), problems.reading(), e);
        }
    }

    private Loaded read(Path file, SourceText source, YamlDocument document, Problems problems)
            throws SourceException {
        source.warnings().forEach(w -> problems.warning(w.line(), "", w.message()));
        YamlNode root = YamlNode.root(document, problems);
        if (!root.expectMapping("a release manifest: a mapping with service, template, channels, roles, ...", TOP)) {
            if (!problems.hasErrors()) {
                root.error("expected a release manifest: a mapping with service, template, channels, roles, ...");
            }
            throw new SourceException(source.name(), problems.errors());
        }
        Optional<ChangeWindows> windows = ChangeWindowsReader.read(root.optional("windows"), node -> principals(node, true));
        ReleaseManifest manifest = new ReleaseManifest(
                source.name(),
                matching(root.require("service", "the service's name, e.g. portal-api"), SERVICE,
                        "a service name: lower-case letters, digits, '.', '-' or '_'"),
                root.require("template", "a checklist file in checklist-templates/, e.g. go-no-go.md").text("a file name"),
                channels(root.require("channels", "slack and/or discord channel ids")),
                roles(root.require("roles", "the approval roles and their owners")),
                permissions(root.optional("permissions")),
                new ProbeSpecReader(secrets).read(root.optional("probes")),
                bindings(root.optional("bindings")),
                policy(root.optional("policy")),
                new RollbackPlanReader(secrets).read(root.optional("rollback")),
                watch(root.optional("watch")),
                windows,
                ReminderPlanReader.read(root.optional("reminders"), windows));
        if (root.optional("policy").get("required-roles").isEmpty()) {
            manifest = manifest.withPolicy(manifest.policy().withRequiredRoles(defaultRequiredRoles(manifest)));
        }
        ManifestReferences references = new ManifestReferences(manifest, root);
        references.checkRoles();
        references.checkProbes();
        Optional<ChecklistTemplate> template = template(file, manifest.template(), root.optional("template"));
        template.ifPresent(references::checkItems);
        manifest.rollback().template().ifPresent(name ->
                template(file, name, root.optional("rollback").optional("template")));
        if (problems.hasErrors() || template.isEmpty()) {
            throw new SourceException(source.name(), problems.errors());
        }
        return new Loaded(manifest, template.get(), problems.warnings());
    }

    private Optional<ChecklistTemplate> template(Path file, String name, YamlNode node) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(templates.load(name, file));
        } catch (SourceException e) {
            e.problems().forEach(p -> node.error("cannot be used: " + p.format(e.file())));
            return Optional.empty();
        }
    }

    private Channels channels(YamlNode node) {
        node.expectMapping("a mapping with slack and/or discord channel ids", Set.of("slack", "discord"));
        Channels channels = new Channels(
                ids(node.optional("slack"), SLACK_CHANNEL, "a Slack channel id such as C0123ABCD"),
                ids(node.optional("discord"), SNOWFLAKE, "a Discord channel id (a number of 15 to 21 digits)"));
        if (node.isMapping() && channels.slack().isEmpty() && channels.discord().isEmpty()) {
            node.error("names no channel; expected at least one Slack or Discord channel id");
        }
        return channels;
    }

    private Map<String, RoleSpec> roles(YamlNode node) {
        Map<String, RoleSpec> roles = new LinkedHashMap<>();
        node.entries("a mapping of role ids to roles").forEach((id, role) -> {
            if (!ROLE_ID.matcher(id).matches()) {
                role.error("a role id is lower-case letters, digits and '-' (at most 40), like the template's: qa-lead");
            }
            role.expectMapping("a role: title, owners, approvals", Set.of("title", "owners", "approvals"));
            Principals owners = principals(role.require("owners", "who owns the role: slack-users, slack-groups, "
                    + "discord-users, discord-roles"), false);
            if (role.isMapping() && owners.isEmpty() && role.get("owners").isPresent()) {
                role.get("owners").orElseThrow().error("names nobody; nobody could approve this role");
            }
            roles.put(id, new RoleSpec(id, role.string("title", "a title", humanize(id)), owners,
                    role.integer("approvals", 1, 1, 50)));
        });
        if (node.isMapping() && roles.isEmpty()) {
            node.error("defines no role; expected at least one approval role");
        }
        return roles;
    }

    private ReleaseManifest.Permissions permissions(YamlNode node) {
        node.expectMapping("a mapping with start, rollback and decide", Set.of("start", "rollback", "decide"));
        return new ReleaseManifest.Permissions(principals(node.optional("start"), true),
                principals(node.optional("rollback"), true), principals(node.optional("decide"), true));
    }

    private Principals principals(YamlNode node, boolean allowRoles) {
        Set<String> keys = allowRoles ? PRINCIPAL_KEYS
                : Set.of("slack-users", "slack-groups", "discord-users", "discord-roles");
        node.expectMapping("a mapping with " + String.join(", ", keys.stream().sorted().toList()), keys);
        return new Principals(
                ids(node.optional("slack-users"), SLACK_USER, "a Slack user id such as U012AB3CD"),
                ids(node.optional("slack-groups"), SLACK_GROUP, "a Slack user-group id such as S0123ABC"),
                ids(node.optional("discord-users"), SNOWFLAKE, "a Discord user id (15 to 21 digits)"),
                ids(node.optional("discord-roles"), SNOWFLAKE, "a Discord role id (15 to 21 digits)"),
                node.optional("roles").strings("a role id"));
    }

    private Map<String, List<String>> bindings(YamlNode node) {
        Map<String, List<String>> bindings = new LinkedHashMap<>();
        node.entries("a mapping of probe names to the item ids they set")
                .forEach((probe, items) -> bindings.put(probe, items.strings("an item id")));
        return bindings;
    }

    private DecisionPolicy policy(YamlNode node) {
        node.expectMapping("the decision policy", Set.of("required-roles", "optional-items", "quorum",
                "review-band", "override", "evidence-max-age", "auto-decide"));
        Optional<DecisionPolicy.Quorum> quorum = node.get("quorum").map(q -> {
            q.expectMapping("a quorum: at-least, of", Set.of("at-least", "of"));
            return new DecisionPolicy.Quorum(q.integer("at-least", 1, 1, 50),
                    q.require("of", "a list of role ids").strings("a role id"));
        });
        Optional<DecisionPolicy.ReviewBand> band = node.get("review-band").map(b -> {
            b.expectMapping("a review band: min-passing, requires", Set.of("min-passing", "requires"));
            return new DecisionPolicy.ReviewBand(percent(b.require("min-passing", "a share such as 90% or 9/10")),
                    b.require("requires", "the role ids whose approval a nearly-passing checklist needs")
                            .strings("a role id"));
        });
        Optional<DecisionPolicy.Override> override = node.get("override").map(o -> {
            o.expectMapping("an override: requires", Set.of("requires"));
            Map<String, Integer> requires = new LinkedHashMap<>();
            YamlNode required = o.require("requires", "a mapping of role ids to counts, e.g. {cto: 1, senior-engineer: 2}");
            required.entries("a mapping of role ids to counts").forEach((role, count) ->
                    requires.put(role, required.integer(role, 1, 1, 50)));
            return new DecisionPolicy.Override(requires);
        });
        return new DecisionPolicy(
                node.optional("required-roles").strings("a role id"),
                node.optional("optional-items").strings("an item id"),
                quorum, band, override,
                node.duration("evidence-max-age", DecisionPolicy.DEFAULT_EVIDENCE_MAX_AGE),
                node.bool("auto-decide", false));
    }

    private Optional<WatchPlan> watch(YamlNode node) {
        if (!node.expectMapping("the watch after a GO: window, every, probes, failures",
                Set.of("window", "every", "probes", "failures"))) {
            return Optional.empty();
        }
        List<String> probes = node.require("probes", "the abort-criteria probes to re-run").strings("a probe name");
        return Optional.of(new WatchPlan(node.duration("window", Duration.ofHours(2)),
                node.duration("every", Duration.ofMinutes(5)), probes, node.integer("failures", 1, 1, 20)));
    }

    private static List<String> ids(YamlNode node, Pattern form, String expected) {
        List<String> ids = new ArrayList<>();
        for (YamlNode element : node.items()) {
            String id = element.text(expected);
            if (!id.isEmpty() && !form.matcher(id).matches()) {
                element.error("expected " + expected + ", got \"" + id + "\"");
            }
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String matching(YamlNode node, Pattern form, String expected) {
        String value = node.text(expected);
        if (!value.isEmpty() && !form.matcher(value).matches()) {
            node.error("expected " + expected + ", got \"" + value + "\"");
        }
        return value;
    }

    private static int percent(YamlNode node) {
        String text = node.text("a share such as 90% or 9/10");
        var fraction = FRACTION.matcher(text);
        if (fraction.matches() && Integer.parseInt(fraction.group(2)) > 0
                && Integer.parseInt(fraction.group(1)) <= Integer.parseInt(fraction.group(2))) {
            return (int) Math.ceil(100.0 * Integer.parseInt(fraction.group(1)) / Integer.parseInt(fraction.group(2)));
        }
        var percent = PERCENT.matcher(text);
        if (percent.matches() && Integer.parseInt(percent.group(1)) <= 100) {
            return Integer.parseInt(percent.group(1));
        }
        if (!text.isEmpty()) {
            node.error("expected a share such as 90% or 9/10, got \"" + text + "\"");
        }
        return 100;
    }

    /** Without a list, every role is required but those that only review or override. */
    private static List<String> defaultRequiredRoles(ReleaseManifest manifest) {
        Set<String> special = new java.util.HashSet<>();
        manifest.policy().reviewBand().ifPresent(b -> special.addAll(b.requires()));
        manifest.policy().override().ifPresent(o -> special.addAll(o.requires().keySet()));
        manifest.policy().quorum().ifPresent(q -> special.addAll(q.of()));
        return manifest.roles().keySet().stream().filter(r -> !special.contains(r)).toList();
    }

    /** "qa-lead" → "QA Lead": short words are usually initialisms (QA, DBA, CTO). */
    private static String humanize(String id) {
        StringBuilder out = new StringBuilder();
        for (String word : id.split("-")) {
            if (!word.isEmpty()) {
                String title = word.length() <= 3 ? word.toUpperCase(java.util.Locale.ROOT)
                        : Character.toUpperCase(word.charAt(0)) + word.substring(1);
                out.append(out.isEmpty() ? "" : " ").append(title);
            }
        }
        return out.toString();
    }
}

package dev.countdown.manifest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a manifest's {@code rollback}: the plan, and the action that rolls back once approved. */
final class RollbackPlanReader {

    private static final Set<String> ROLLBACK_METHODS = Set.of("POST", "PUT");

    private final SecretReader secrets;

    RollbackPlanReader(SecretReader secrets) {
        this.secrets = secrets;
    }

    RollbackPlan read(YamlNode node) {
        if (!node.expectMapping("the rollback plan",
                Set.of("template", "triggers", "steps", "decision-owner", "incident-channels", "action"))) {
            return RollbackPlan.NONE;
        }
        Optional<RollbackPlan.Action> action = node.get("action").flatMap(this::rollbackAction);
        return new RollbackPlan(node.optionalString("template", "a checklist file"),
                node.optional("triggers").strings("a trigger"), node.optional("steps").strings("a step"),
                node.optionalString("decision-owner", "a role id"),
                node.optional("incident-channels").strings("a Slack or Discord channel id"), action);
    }

    private Optional<RollbackPlan.Action> rollbackAction(YamlNode a) {
        a.expectMapping("a rollback action: type, url, method, headers, body, timeout, secret, repository, workflow, "
                + "ref, token, inputs", Set.of("type", "url", "method", "headers", "body", "timeout", "secret",
                "repository", "workflow", "ref", "token", "inputs"));
        String type = a.string("type", "webhook, github-actions or none", RollbackPlan.Action.WEBHOOK);
        if (type.equals("none")) {
            return Optional.empty();
        }
        if (!type.equals(RollbackPlan.Action.WEBHOOK) && !type.equals(RollbackPlan.Action.GITHUB_ACTIONS)) {
            a.get("type").orElseThrow().error("expected webhook, github-actions or none, got \"" + type + "\"");
        }
        Map<String, SecretString> headers = new LinkedHashMap<>();
        a.optional("headers").entries("a mapping of header names to values")
                .forEach((name, value) -> headers.put(name, secrets.header(name, value)));
        String method = a.string("method", "POST or PUT", "POST").toUpperCase(java.util.Locale.ROOT);
        if (!method.isEmpty() && !ROLLBACK_METHODS.contains(method)) {
            a.get("method").orElseThrow().error("expected POST or PUT, got \"" + method + "\"");
        }
        Optional<RollbackPlan.Workflow> workflow = Optional.empty();
        SecretString url;
        if (type.equals(RollbackPlan.Action.GITHUB_ACTIONS)) {
            url = a.get("url").map(secrets::url).orElse(SecretString.literal("https://api.github.com"));
            Map<String, String> inputs = new LinkedHashMap<>();
            a.optional("inputs").entries("a mapping of workflow inputs").forEach((k, v) -> inputs.put(k, v.text("a value")));
            workflow = Optional.of(new RollbackPlan.Workflow(
                    a.require("repository", "owner/repo of the workflow").text("owner/repo"),
                    a.require("workflow", "the workflow file, e.g. rollback.yml").text("a workflow file or id"),
                    a.string("ref", "a branch or tag", "main"),
                    secrets.secret(a.require("token", "a token reference, e.g. ${GITHUB_TOKEN}"), "a token reference"),
                    inputs));
        } else {
            url = secrets.url(a.require("url", "the deploy system's webhook URL"));
        }
        Optional<SecretString> secret = a.get("secret").map(s -> secrets.secret(s, "a secret reference, e.g. ${DEPLOY_WEBHOOK_SECRET}"));
        return Optional.of(new RollbackPlan.Action(type, method, url, headers, a.string("body", "a request body", ""),
                a.duration("timeout", Duration.ofSeconds(30)), secret, workflow));
    }
}

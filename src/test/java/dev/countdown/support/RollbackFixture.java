package dev.countdown.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Service "checkout" with a rollback plan: the project's rollback template, Incident Commander
 * U0IC00001 decides, SRE U0SRE0001 and the commander may start a rollback, and an action that the
 * test points at a {@link WebhookTarget} (or a fake GitHub API).
 */
public final class RollbackFixture {

    public static final String CHANNEL = "C0SHOP001";
    public static final String RM = "U0RM00001";
    public static final String SRE = "U0SRE0001";
    public static final String IC = "U0IC00001";

    private RollbackFixture() {
    }

    /** A webhook action to {@code url}, signed with {@code secret} (a literal, or a ${VARIABLE}). */
    public static String webhook(String url, String secret, String token) {
        return """
                  action:
                    type: webhook
                    url: "%s"
                    secret: "%s"
                    headers: { Authorization: "Bearer %s" }
                    body: '{"service":"{service}","rollback_from":"{version}"}'
                    timeout: 10s
                """.formatted(url, secret, token);
    }

    public static String manifest(String healthUrl, String action) {
        return """
                service: checkout
                template: checkout.md
                channels: { slack: [%s] }
                roles:
                  release-manager: { owners: { slack-users: [%s] } }
                  incident-commander:
                    title: Incident Commander
                    owners: { slack-users: [%s] }
                permissions:
                  start: { slack-users: [%s] }
                  decide: { slack-users: [%s] }
                  rollback: { slack-users: [%s], roles: [incident-commander] }
                probes:
                  health: { type: http, url: "%s", expect: { status: 200 }, timeout: 2s }
                policy:
                  required-roles: [release-manager]
                rollback:
                  template: rollback.md
                  triggers:
                    - 5xx rate above 1%% for 10 minutes
                  steps:
                    - Route all traffic to the previous version
                  decision-owner: incident-commander
                """.formatted(CHANNEL, RM, IC, RM, RM, SRE, healthUrl) + action;
    }

    /** Writes the checklists and the manifest under {@code dir}; returns the two directories' settings. */
    public static java.util.Map<String, String> write(Path dir, String manifest) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("checklist-templates"));
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(templates.resolve("checkout.md"), "# Checkout\n\n## Checks\n\n- [ ] Smoke tests pass\n");
        Files.copy(Path.of("checklist-templates", "rollback.md"), templates.resolve("rollback.md"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(manifests.resolve("checkout.yaml"), manifest);
        return java.util.Map.of("countdown.manifests-dir", manifests.toString(),
                "countdown.templates-dir", templates.toString());
    }
}

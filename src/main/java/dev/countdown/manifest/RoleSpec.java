package dev.countdown.manifest;

/**
 * An approval role: who owns it and how many of them must approve.
 *
 * @param id        how the manifest, the template's sign-off table and commands name it
 * @param approvals the role's quorum: distinct owners whose approval it takes
 */
public record RoleSpec(String id, String title, Principals owners, int approvals) {
}

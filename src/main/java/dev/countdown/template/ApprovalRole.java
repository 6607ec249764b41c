package dev.countdown.template;

/** A role whose sign-off the checklist asks for; {@code id} is what manifests name it by. */
public record ApprovalRole(String id, String title, int line) {
}

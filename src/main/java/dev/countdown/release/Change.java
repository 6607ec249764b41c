package dev.countdown.release;

/** One fact of a state change, before it is chained into the audit trail. */
public record Change(String type, String subject, String before, String after, String note) {
}

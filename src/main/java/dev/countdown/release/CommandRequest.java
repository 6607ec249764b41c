package dev.countdown.release;

/**
 * A command with who asks and an idempotency key: the same key twice has one effect, because
 * platforms retry and people double-click. {@code origin} is where it was typed, when in a chat.
 */
public record CommandRequest(Command command, Actor actor, String idempotencyKey, Origin origin) {

    public CommandRequest(Command command, Actor actor, String idempotencyKey) {
        this(command, actor, idempotencyKey, null);
    }

    public CommandRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is needed");
        }
        Limits.require("idempotency key", idempotencyKey, Limits.IDEMPOTENCY_KEY);
    }
}

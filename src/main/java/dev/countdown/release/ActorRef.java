package dev.countdown.release;

/** An actor as recorded: enough to say who did it, on which platform. */
public record ActorRef(IdentitySource source, String userId, String displayName) {

    public String label() {
        return displayName + " (" + source.label() + " " + userId + ")";
    }
}

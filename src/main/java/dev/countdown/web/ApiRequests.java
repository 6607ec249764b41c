package dev.countdown.web;

import dev.countdown.release.Actor;
import dev.countdown.release.IdentitySource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The bodies the REST API accepts. Every write names the user it acts for. */
final class ApiRequests {

    private ApiRequests() {
    }

    /**
     * The user a call acts for, as the platform names them; the manifest decides what they may do.
     * Only the chat platforms' identities: the system's and the playground's are not for callers to claim.
     */
    @Serdeable
    record ActorJson(@Nullable String platform, @Nullable String id, @Nullable String name, @Nullable List<String> groups) {
        Actor toActor() {
            if (platform == null || id == null || id.isBlank()) {
                throw new BadRequest("actor needs a platform (slack, discord) and an id");
            }
            IdentitySource source = switch (platform.strip().toLowerCase(Locale.ROOT)) {
                case "slack" -> IdentitySource.SLACK;
                case "discord" -> IdentitySource.DISCORD;
                default -> throw new BadRequest("actor platform must be slack or discord, not '" + platform + "'");
            };
            return new Actor(source, id, name, groups == null ? Set.of() : Set.copyOf(groups));
        }
    }

    @Serdeable
    record StartRequest(String service, String version, ActorJson actor) {
    }

    @Serdeable
    record ItemRequest(String state, @Nullable String note, ActorJson actor) {
    }

    @Serdeable
    record NoteRequest(String note, ActorJson actor) {
    }

    @Serdeable
    record VoteRequest(String vote, @Nullable String note, ActorJson actor) {
    }

    @Serdeable
    record DecideRequest(@Nullable Boolean override, @Nullable String note, ActorJson actor) {
    }

    /** {@code probes}: names to run; absent or empty runs all of the release's probes. */
    @Serdeable
    record ProbeRequest(@Nullable List<String> probes, ActorJson actor) {
    }

    @Serdeable
    record ReasonRequest(@Nullable String reason, ActorJson actor) {
    }

    /** Input the API cannot use; answered 400 with the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new BadRequest(field + " is required");
        }
        return value;
    }
}

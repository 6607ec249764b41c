package dev.countdown.chat;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A release's home on one platform: the channel it was started in. */
@MappedEntity("chat_thread")
public record ChatThread(@Id String id, String releaseId, String platform, String channelId, Instant createdAt) {

    static String idOf(String platform, String releaseId) {
        return platform + ":" + releaseId;
    }
}

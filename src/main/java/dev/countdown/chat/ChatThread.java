package dev.countdown.chat;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import dev.countdown.release.Platform;
import java.time.Instant;

/** A release's home on one platform: the channel it was started in. */
@MappedEntity("chat_thread")
public record ChatThread(@Id String id, String releaseId,
                         @TypeDef(type = DataType.STRING, converter = PlatformColumn.class) Platform platform,
                         String channelId, Instant createdAt) {

    static String idOf(Platform platform, String releaseId) {
        return platform.label() + ":" + releaseId;
    }
}

package dev.countdown.chat;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import dev.countdown.release.Platform;
import java.time.Instant;

/**
 * A message posted for a release, kept to edit it in place.
 *
 * @param messageKey  which part of the release it shows: {@code root}, {@code section:<id>}, {@code approvals}, ...
 * @param messageRef  the platform's id for it (a Slack ts)
 * @param contentHash of what was last sent, so unchanged messages are not edited again
 */
@MappedEntity("chat_message")
public record ChatMessage(@Id String id, String releaseId, @TypeDef(type = DataType.STRING, converter = PlatformColumn.class)
                          Platform platform, String messageKey, String channelId,
                          String messageRef, String contentHash, Instant sentAt) {

    static String idOf(Platform platform, String releaseId, String key) {
        return platform.label() + ":" + releaseId + ":" + key;
    }
}

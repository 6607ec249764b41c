package dev.countdown.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.model.Message;
import dev.countdown.chat.ChatClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChatClient} on Slack's Web API. Each message carries its release and key as message
 * metadata, and each evidence file its key in its title, so a thread's history tells which
 * message is which after a crash lost a record.
 */
final class SlackClient implements ChatClient {

    static final String EVENT_TYPE = "countdown_message";

    private final MethodsClient slack;

    SlackClient(MethodsClient slack) {
        this.slack = slack;
    }

    @Override
    public String post(String channel, Optional<String> rootRef, Outgoing message, Tag tag) throws Fault {
        String thread = rootRef.orElse(null);
        return ok(Operation.POST, "chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel).threadTs(thread)
                .text(message.text()).blocksAsString(message.body()).replyBroadcast(message.broadcast() && thread != null)
                .metadata(metadata(tag)).unfurlLinks(false).unfurlMedia(false))).getTs();
    }

    @Override
    public void edit(String channel, String ref, Outgoing message, Tag tag) throws Fault {
        ok(Operation.EDIT, "chat.update", () -> slack.chatUpdate(r -> r.channel(channel).ts(ref).text(message.text())
                .blocksAsString(message.body()).metadata(metadata(tag))));
    }

    @Override
    public void delete(String channel, String ref) throws Fault {
        try {
            ok(Operation.DELETE, "chat.delete", () -> slack.chatDelete(r -> r.channel(channel).ts(ref)));
        } catch (Fault fault) {
            if (!(fault.kind() == Fault.Kind.REJECTED && fault.getMessage().endsWith("message_not_found"))) {
                throw fault;
            }
        }
    }

    @Override
    public String upload(String channel, String rootRef, String comment, List<Upload> files, Tag tag) throws Fault {
        var response = ok(Operation.UPLOAD, "files.uploadV2", () -> slack.filesUploadV2(r -> r.channel(channel)
                .threadTs(rootRef).requestFileInfo(false).initialComment(comment)
                .uploadFiles(files.stream().map(f -> FilesUploadV2Request.UploadFile.builder().filename(f.name())
                        .title(title(f.name(), tag)).content(f.content()).build()).toList())));
        return response.getFiles() == null ? "" : String.join(",", response.getFiles().stream().map(f -> f.getId()).toList());
    }

    @Override
    public void replyPrivately(Recipient to, String text) throws Fault {
        ok(Operation.POST, "chat.postEphemeral", () -> slack.chatPostEphemeral(r -> r.channel(to.channel())
                .threadTs(to.threadRef().orElse(null)).user(to.user()).text(text)));
    }

    @Override
    public Optional<String> find(String channel, Optional<String> rootRef, Tag tag) throws Fault {
        List<Message> history = rootRef.isEmpty()
                ? ok(Operation.READ, "conversations.history", () -> slack.conversationsHistory(r -> r.channel(channel)
                        .includeAllMetadata(true).limit(200))).getMessages()
                : ok(Operation.READ, "conversations.replies", () -> slack.conversationsReplies(r -> r.channel(channel)
                        .ts(rootRef.get()).includeAllMetadata(true).limit(1000))).getMessages();
        return Optional.ofNullable(history).orElse(List.of()).stream().filter(m -> carries(m, tag)).findFirst()
                .map(m -> m.getFiles() != null && !m.getFiles().isEmpty()
                        ? String.join(",", m.getFiles().stream().map(f -> f.getId()).toList()) : m.getTs());
    }

    private static boolean carries(Message m, Tag tag) {
        if (m.getFiles() != null && m.getFiles().stream().anyMatch(f -> f.getTitle() != null
                && f.getTitle().endsWith(" · " + tag.key()) && f.getTitle().contains(tag.releaseId()))) {
            return true;
        }
        Message.Metadata metadata = m.getMetadata();
        return metadata != null && EVENT_TYPE.equals(metadata.getEventType()) && metadata.getEventPayload() != null
                && Objects.equals(tag.releaseId(), metadata.getEventPayload().get("release"))
                && Objects.equals(tag.key(), metadata.getEventPayload().get("key"));
    }

    /** A file's title names its release and key: files carry no metadata. */
    private static String title(String name, Tag tag) {
        return name + " · " + tag.releaseId() + " · " + tag.key();
    }

    private static Message.Metadata metadata(Tag tag) {
        return new Message.Metadata(EVENT_TYPE, Map.of("release", tag.releaseId(), "key", tag.key()));
    }

    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T ok(Operation operation, String method, Call<T> call) throws Fault {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                long seconds = Optional.ofNullable(e.getResponse().header("Retry-After")).map(Long::parseLong).orElse(1L);
                throw new Fault(Fault.Kind.RATE_LIMITED, operation, Duration.ofSeconds(Math.max(1, seconds)),
                        method + " rate limited");
            }
            throw new Fault(status >= 500 ? Fault.Kind.UNAVAILABLE : Fault.Kind.REJECTED, operation, Duration.ZERO,
                    method + ": Slack answered " + status);
        } catch (IOException e) {
            throw new Fault(Fault.Kind.UNAVAILABLE, operation, Duration.ZERO, "Slack unreachable: " + e.getMessage());
        }
        if (!response.isOk()) {
            throw new Fault(Fault.Kind.REJECTED, operation, Duration.ZERO, method + ": " + response.getError());
        }
        return response;
    }
}

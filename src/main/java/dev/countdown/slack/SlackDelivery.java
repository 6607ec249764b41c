package dev.countdown.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.countdown.chat.ChatDelivery;
import dev.countdown.chat.ChatMessage;
import dev.countdown.chat.ChatRepositories;
import dev.countdown.chat.ChatThread;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.ReleaseViews;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.evidence.EvidenceMarkdown;
import dev.countdown.evidence.Sha256;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseEvidence;
import dev.countdown.release.ReleaseService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a release's Slack thread up to date: posts the messages it lacks, edits those whose
 * content changed, at most once a second each, and leaves the rest alone. A 429 or a 5xx stops
 * the pass; the outbox comes back later, and what was already sent is not sent again.
 */
final class SlackDelivery implements ChatDelivery {

    static final Duration MIN_EDIT_INTERVAL = Duration.ofSeconds(1);

    private final MethodsClient slack;
    private final ChatRepositories.Messages messages;
    private final ReleaseService releases;
    private final Clock clock;

    SlackDelivery(MethodsClient slack, ChatRepositories.Messages messages, ReleaseService releases, Clock clock) {
        this.slack = slack;
        this.messages = messages;
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Result deliver(ChatThread thread, LoadedRelease release) {
        ReleaseView view = ReleaseViews.of(release);
        Map<String, ChatMessage> sent = messages.findByReleaseIdAndPlatform(view.releaseId(), platform()).stream()
                .collect(Collectors.toMap(ChatMessage::messageKey, Function.identity()));
        Duration wait = Duration.ZERO;
        try {
            String rootTs = null;
            for (SlackMessage message : SlackBlocks.messages(view)) {
                ChatMessage previous = sent.get(message.key());
                String hash = hash(message);
                Instant now = clock.instant();
                if (previous == null) {
                    String ts = post(thread.channelId(), rootTs, message);
                    previous = messages.save(new ChatMessage(id(view, message), view.releaseId(), platform(),
                            message.key(), thread.channelId(), ts, hash, now));
                } else if (!previous.contentHash().equals(hash)) {
                    Duration since = Duration.between(previous.sentAt(), now);
                    if (since.compareTo(MIN_EDIT_INTERVAL) < 0) {
                        // Coalesce: this message waits for its second; the others go on.
                        Duration left = MIN_EDIT_INTERVAL.minus(since);
                        wait = wait.compareTo(left) > 0 ? wait : left;
                    } else {
                        update(previous, message);
                        messages.update(new ChatMessage(previous.id(), previous.releaseId(), platform(), previous.messageKey(),
                                previous.channelId(), previous.messageRef(), hash, now));
                    }
                }
                if (message.key().equals("root")) {
                    rootTs = previous.messageRef();
                }
                if (message.evidence() && !sent.containsKey("evidence:" + message.key())) {
                    attachEvidence(thread.channelId(), rootTs, release, message.key(), now);
                }
            }
        } catch (SlackApiException e) {
            return failure(e);
        } catch (IOException e) {
            return new Result.Failed("Slack unreachable: " + e.getMessage(), true);
        } catch (SlackError e) {
            return new Result.Failed(e.getMessage(), false);
        }
        return wait.isZero() ? new Result.Done() : new Result.Later(wait, "edits coalesced");
    }

    private String post(String channel, String threadTs, SlackMessage message) throws IOException, SlackApiException {
        ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                .text(message.text()).blocksAsString(message.blocksJson()).replyBroadcast(message.broadcast() && threadTs != null)
                .unfurlLinks(false).unfurlMedia(false));
        if (!response.isOk()) {
            throw new SlackError("chat.postMessage", response.getError());
        }
        return response.getTs();
    }

    /**
     * The evidence bundle, as it stands at the decision, in the thread: Markdown to read, JSON to
     * verify. Kept as a message of its own so a failed upload is retried and a done one never repeated.
     */
    private void attachEvidence(String channel, String rootTs, LoadedRelease loaded, String decisionKey, Instant now)
            throws IOException, SlackApiException {
        var bundle = ReleaseEvidence.bundle(loaded, releases.events(loaded.release().id()), now);
        String name = loaded.release().service() + "-" + loaded.release().version() + "-evidence";
        FilesUploadV2Response response = slack.filesUploadV2(r -> r.channel(channel).threadTs(rootTs)
                .requestFileInfo(false)
                .initialComment("Evidence bundle, audit chain head " + bundle.path("audit").path("head").asText().substring(0, 12)
                        + "…: verify with `java -jar countdown.jar evidence verify " + name + ".json`")
                .uploadFiles(List.of(
                        FilesUploadV2Request.UploadFile.builder().filename(name + ".md").title(name + ".md")
                                .content(EvidenceMarkdown.render(bundle)).build(),
                        FilesUploadV2Request.UploadFile.builder().filename(name + ".json").title(name + ".json")
                                .content(EvidenceBundle.write(bundle)).build())));
        if (!response.isOk()) {
            throw new SlackError("files.uploadV2", response.getError());
        }
        String fileIds = response.getFiles() == null ? "" : String.join(",", response.getFiles().stream()
                .map(f -> f.getId()).toList());
        String key = "evidence:" + decisionKey;
        messages.save(new ChatMessage("slack:" + loaded.release().id() + ":" + key, loaded.release().id(), platform(),
                key, channel, fileIds, bundle.path("digest").asText(), now));
    }

    private void update(ChatMessage previous, SlackMessage message) throws IOException, SlackApiException {
        ChatUpdateResponse response = slack.chatUpdate(r -> r.channel(previous.channelId()).ts(previous.messageRef())
                .text(message.text()).blocksAsString(message.blocksJson()));
        if (!response.isOk()) {
            throw new SlackError("chat.update", response.getError());
        }
    }

    private static Result failure(SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
            long seconds = Optional.ofNullable(e.getResponse().header("Retry-After")).map(Long::parseLong).orElse(1L);
            return new Result.Later(Duration.ofSeconds(Math.max(1, seconds)), "rate limited by Slack");
        }
        return new Result.Failed("Slack answered " + status, status >= 500);
    }

    private static String id(ReleaseView view, SlackMessage message) {
        return "slack:" + view.releaseId() + ":" + message.key();
    }

    private static String hash(SlackMessage message) {
        return Sha256.hex(message.text() + "\n" + message.blocksJson());
    }

    /** Slack said {@code ok: false}: not worth retrying soon (a wrong channel, a missing scope). */
    static final class SlackError extends RuntimeException {
        SlackError(String method, String error) {
            super(method + ": " + error);
        }
    }
}

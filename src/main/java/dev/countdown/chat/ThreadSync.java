package dev.countdown.chat;

import dev.countdown.chat.ChatClient.Fault;
import dev.countdown.chat.ChatClient.Operation;
import dev.countdown.chat.ChatClient.Outgoing;
import dev.countdown.chat.ChatClient.Tag;
import dev.countdown.evidence.EvidenceBundle;
import dev.countdown.evidence.EvidenceMarkdown;
import dev.countdown.evidence.Sha256;
import dev.countdown.release.DisplayNames;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings a release's thread on one platform in line with its {@link ThreadLayout}: posts the
 * messages it lacks, edits those whose content changed (at most once a second each), attaches the
 * evidence once, and deletes the messages the layout no longer has, so a section that shrank
 * leaves no stale part with working buttons behind.
 *
 * <p>Before a message is posted its record is written with no platform id yet: if the process
 * dies between the post and the record, the next pass finds the message by its tag instead of
 * posting it again. Rate limits are the platform's, not a release's: a 429 closes that kind of
 * call in the shared {@link RateGate}, and every release waits it out.
 */
public final class ThreadSync implements ChatDelivery {

    static final Duration MIN_EDIT_INTERVAL = Duration.ofSeconds(1);
    /** The platform id of a record whose message may or may not have been posted yet: never a real id. */
    static final String PENDING = "?";

    private final Platform platform;
    private final ThreadRenderer renderer;
    private final ChatClient client;
    private final ChatRepositories.Messages messages;
    private final ReleaseService releases;
    private final RateGate gate;
    private final SendBudget budget;
    private final DisplayNames names;
    private final Clock clock;

    public ThreadSync(Platform platform, ThreadRenderer renderer, ChatClient client, ChatRepositories.Messages messages,
                      ReleaseService releases, RateGate gate, SendBudget budget, DisplayNames names, Clock clock) {
        this.names = names;
        this.platform = platform;
        this.renderer = renderer;
        this.client = client;
        this.messages = messages;
        this.releases = releases;
        this.gate = gate;
        this.budget = budget;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public Result deliver(ChatThread thread, LoadedRelease release) {
        ReleaseView view = ReleaseViews.of(release, clock.instant());
        Map<String, ChatMessage> sent = new HashMap<>(messages.findByReleaseIdAndPlatform(view.releaseId(), platform)
                .stream().collect(Collectors.toMap(ChatMessage::messageKey, m -> m)));
        List<ThreadLayout.Part> layout = ThreadLayout.of(view, renderer.limits());
        Pass pass = new Pass(thread.channelId(), release, sent);
        try {
            for (ThreadLayout.Part part : layout) {
                if (!pass.sync(view, part)) {
                    break;
                }
            }
            if (pass.wait.isZero()) {
                Set<String> keys = layout.stream().map(ThreadLayout.Part::key).collect(Collectors.toSet());
                pass.removeAllBut(keys);
            }
        } catch (Fault fault) {
            return failure(fault);
        }
        return pass.wait.isZero() ? new Result.Done() : new Result.Later(pass.wait, pass.reason);
    }

    private Result failure(Fault fault) {
        return switch (fault.kind()) {
            case RATE_LIMITED -> {
                Duration after = fault.retryAfter().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                        : fault.retryAfter();
                gate.close(fault.operation(), clock.instant().plus(after));
                yield new Result.Later(after, "rate limited by " + platform.label() + ": " + fault.getMessage());
            }
            case UNAVAILABLE -> new Result.Failed(fault.getMessage(), true);
            case REJECTED -> new Result.Failed(fault.getMessage(), false);
        };
    }

    /** One pass over a thread; remembers how long the parts it had to leave for later need. */
    private final class Pass {
        private final String channel;
        private final LoadedRelease release;
        private final Map<String, ChatMessage> sent;
        private Duration wait = Duration.ZERO;
        private String reason = "";

        Pass(String channel, LoadedRelease release, Map<String, ChatMessage> sent) {
            this.channel = channel;
            this.release = release;
            this.sent = sent;
        }

        /** Brings one part up to date; false when the parts after it must wait (a post could not be made). */
        boolean sync(ReleaseView view, ThreadLayout.Part part) throws Fault {
            ChatMessage previous = sent.get(part.key());
            Instant now = clock.instant();
            if (part instanceof ThreadLayout.Evidence) {
                return previous != null && !previous.messageRef().equals(PENDING) || attachEvidence(part, previous);
            }
            Outgoing message = renderer.render(view, part);
            String hash = Sha256.hex(message.text() + "\n" + message.body());
            if (previous == null || previous.messageRef().equals(PENDING)) {
                // Posts keep the thread's order: one that must wait holds back those after it.
                return post(part, previous, message, hash);
            }
            if (previous.contentHash().equals(hash)) {
                return true;
            }
            Duration since = Duration.between(previous.sentAt(), now);
            if (since.compareTo(MIN_EDIT_INTERVAL) < 0) {
                later(MIN_EDIT_INTERVAL.minus(since), "edits coalesced");
                return true;
            }
            if (closed(Operation.EDIT) || overBudget(Operation.EDIT, part)) {
                return true;
            }
            client.edit(channel, previous.messageRef(), message, tag(part));
            messages.update(withRef(previous, previous.messageRef(), hash, now));
            return true;
        }

        private boolean post(ThreadLayout.Part part, ChatMessage pending, Outgoing message, String hash) throws Fault {
            Optional<String> root = rootRef(part);
            if (root.isEmpty() && !(part instanceof ThreadLayout.Root) || closed(Operation.POST)
                    || pending != null && closed(Operation.READ) || overBudget(Operation.POST, part)) {
                return false;
            }
            Instant now = clock.instant();
            Optional<String> found = pending == null ? Optional.empty() : client.find(channel, root, tag(part));
            ChatMessage record = pending != null ? pending
                    : messages.save(new ChatMessage(id(part), release.release().id(), platform, part.key(), channel,
                    PENDING, "", now));
            sent.put(part.key(), record);
            // A message found was posted before a crash, as it was then: the next pass edits it if it changed.
            String ref = found.isPresent() ? found.get() : client.post(channel, root, message, tag(part));
            ChatMessage done = withRef(record, ref, found.isPresent() ? "" : hash, now);
            messages.update(done);
            sent.put(part.key(), done);
            return true;
        }

        /**
         * The evidence bundle, as it stands at the decision, in the thread: Markdown to read, JSON to
         * verify. Its record is written before the upload, so an upload cut short is looked for, not repeated.
         */
        private boolean attachEvidence(ThreadLayout.Part part, ChatMessage pending) throws Fault {
            Optional<String> root = rootRef(part);
            if (root.isEmpty() || closed(Operation.UPLOAD) || pending != null && closed(Operation.READ)) {
                return false;
            }
            Instant now = clock.instant();
            var bundle = releases.evidence(release, now, names);
            String digest = bundle.path("digest").asText();
            Optional<String> found = pending == null ? Optional.empty() : client.find(channel, root, tag(part));
            ChatMessage record = pending != null ? pending : messages.save(new ChatMessage(id(part),
                    release.release().id(), platform, part.key(), channel, PENDING, digest, now));
            String ref = found.isPresent() ? found.get() : client.upload(channel, root.get(), comment(bundle),
                    List.of(new ChatClient.Upload(name() + ".md", EvidenceMarkdown.render(bundle)),
                            new ChatClient.Upload(name() + ".json", EvidenceBundle.write(bundle))), tag(part));
            messages.update(withRef(record, ref.isEmpty() ? "uploaded" : ref, digest, now));
            return true;
        }

        /** Deletes the messages of parts the layout no longer has (a split section that shrank). */
        void removeAllBut(Set<String> keys) throws Fault {
            for (ChatMessage stale : sent.values()) {
                if (keys.contains(stale.messageKey()) || stale.messageKey().startsWith("evidence:")) {
                    continue;
                }
                if (closed(Operation.DELETE)) {
                    return;
                }
                Optional<String> ref = stale.messageRef().equals(PENDING)
                        ? client.find(stale.channelId(), rootRef(null), new Tag(stale.releaseId(), stale.messageKey()))
                        : Optional.of(stale.messageRef());
                if (ref.isPresent()) {
                    client.delete(stale.channelId(), ref.get());
                }
                messages.deleteById(stale.id());
            }
        }

        private Optional<String> rootRef(ThreadLayout.Part part) {
            if (part instanceof ThreadLayout.Root) {
                return Optional.empty();
            }
            return Optional.ofNullable(sent.get("root")).map(ChatMessage::messageRef).filter(ref -> !ref.equals(PENDING));
        }

        /** Spends a call of the platform's shared budget; sections and probes give way to the rest. */
        private boolean overBudget(Operation operation, ThreadLayout.Part part) {
            boolean urgent = !(part instanceof ThreadLayout.SectionPart || part instanceof ThreadLayout.Probes);
            Optional<Duration> wait = budget.take(operation, channel, urgent, clock.instant());
            wait.ifPresent(d -> later(d, "within " + platform.label() + "'s send budget"));
            return wait.isPresent();
        }

        private boolean closed(Operation operation) {
            Optional<Duration> closed = gate.closed(operation, clock.instant());
            closed.ifPresent(d -> later(d, "rate limited by " + platform.label()));
            return closed.isPresent();
        }

        private void later(Duration delay, String why) {
            if (delay.compareTo(wait) > 0) {
                wait = delay;
                reason = why;
            }
        }

        private String name() {
            return release.release().service() + "-" + release.release().version() + "-evidence";
        }

        private String comment(com.fasterxml.jackson.databind.JsonNode bundle) {
            return "Evidence bundle, audit chain head " + bundle.path("audit").path("head").asText().substring(0, 12)
                    + "…: verify with `java -jar countdown.jar evidence verify " + name() + ".json`";
        }

        private Tag tag(ThreadLayout.Part part) {
            return new Tag(release.release().id(), part.key());
        }

        private String id(ThreadLayout.Part part) {
            return ChatMessage.idOf(platform, release.release().id(), part.key());
        }
    }

    private static ChatMessage withRef(ChatMessage m, String ref, String hash, Instant at) {
        return new ChatMessage(m.id(), m.releaseId(), m.platform(), m.messageKey(), m.channelId(), ref, hash, at);
    }
}

package dev.countdown.discord;

import dev.countdown.chat.ChatClient;
import dev.countdown.evidence.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.utils.ComponentDeserializer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@link ChatClient} on Discord's REST API through JDA. The root is posted in the channel and a
 * thread is started from it (a thread started from a message has the message's id); the rest is
 * posted in that thread, so a thread message's reference is {@code threadId/messageId}.
 *
 * <p>Every call is made with {@code complete(false)}: JDA's own queue would wait out a 429 on its
 * own, holding the dispatcher; instead the 429's retry-after reaches the shared rate gate. Every
 * create carries a nonce made from the message's release and key, with {@code enforce_nonce}: if
 * Countdown died between the create and its record, the create made again returns the message
 * Discord already has instead of posting a second one.
 */
final class DiscordClient implements ChatClient {

    static final String THREAD_NAME_FALLBACK = "Release";

    /** The session once logged in: the connection's, read at each call. */
    private final Supplier<Optional<JDA>> session;

    DiscordClient(Supplier<Optional<JDA>> session) {
        this.session = session;
    }

    @Override
    public String post(String channel, Optional<String> rootRef, Outgoing message, Tag tag) throws Fault {
        if (rootRef.isEmpty()) {
            TextChannel parent = parent(channel, Operation.POST);
            Message root = call(Operation.POST, parent.sendMessage(create(message)).setNonce(nonce(tag, "")));
            thread(parent, root.getId(), threadName(message), Operation.POST);
            return root.getId();
        }
        ThreadChannel thread = thread(parent(channel, Operation.POST), rootRef.get(), THREAD_NAME_FALLBACK,
                Operation.POST);
        Message posted = call(Operation.POST, thread.sendMessage(create(message, pings(tag))).setNonce(nonce(tag, "")));
        if (message.broadcast()) {
            // Discord has no "also send to channel": a short line there points at the thread.
            call(Operation.POST, parent(channel, Operation.POST).sendMessage(new MessageCreateBuilder()
                    .setContent(DiscordText.limit(message.text(), 1_900) + " — in the thread " + thread.getAsMention())
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build()).setNonce(nonce(tag, "b")));
        }
        return thread.getId() + "/" + posted.getId();
    }

    @Override
    public void edit(String channel, String ref, Outgoing message, Tag tag) throws Fault {
        Ref r = Ref.of(ref);
        MessageChannel where = r.thread() == null ? parent(channel, Operation.EDIT)
                : thread(parent(channel, Operation.EDIT), r.thread(), THREAD_NAME_FALLBACK, Operation.EDIT);
        call(Operation.EDIT, where.editMessageById(r.message(), new MessageEditBuilder().useComponentsV2()
                .setComponents(components(message.body())).build()));
    }

    @Override
    public void delete(String channel, String ref) throws Fault {
        Ref r = Ref.of(ref);
        try {
            MessageChannel where = r.thread() == null ? parent(channel, Operation.DELETE)
                    : thread(parent(channel, Operation.DELETE), r.thread(), THREAD_NAME_FALLBACK, Operation.DELETE);
            call(Operation.DELETE, where.deleteMessageById(r.message()));
        } catch (Fault fault) {
            if (!(fault.kind() == Fault.Kind.REJECTED && fault.getMessage().contains(ErrorResponse.UNKNOWN_MESSAGE.name()))) {
                throw fault;
            }
        }
    }

    @Override
    public String upload(String channel, String rootRef, String comment, List<Upload> files, Tag tag) throws Fault {
        ThreadChannel thread = thread(parent(channel, Operation.UPLOAD), rootRef, THREAD_NAME_FALLBACK, Operation.UPLOAD);
        List<FileUpload> uploads = files.stream()
                .map(f -> FileUpload.fromData(f.content().getBytes(StandardCharsets.UTF_8), f.name())).toList();
        Message posted = call(Operation.UPLOAD, thread.sendMessage(new MessageCreateBuilder()
                .setContent(DiscordText.limit(comment, 1_900)).setFiles(uploads)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).build()).setNonce(nonce(tag, "")));
        return thread.getId() + "/" + posted.getId();
    }

    /**
     * Nothing to look up: a message whose record was lost is created again with the same nonce,
     * and Discord answers with the one it already has (within the minutes a restart takes).
     */
    @Override
    public Optional<String> find(String channel, Optional<String> rootRef, Tag tag) {
        return Optional.empty();
    }

    /** At most 25 characters, the same for the same message: Discord's limit for a nonce. */
    static String nonce(Tag tag, String variant) {
        return Sha256.hex(tag.releaseId() + "|" + tag.key() + "|" + variant).substring(0, 25);
    }

    private static String threadName(Outgoing root) {
        int cut = root.text().indexOf(':');
        return DiscordText.limit(cut > 0 ? root.text().substring(0, cut) : root.text(), 100);
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData create(Outgoing message) {
        return create(message, EnumSet.noneOf(Message.MentionType.class));
    }

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData create(Outgoing message,
                                                                              EnumSet<Message.MentionType> pings) {
        return new MessageCreateBuilder().useComponentsV2().setComponents(components(message.body()))
                .setAllowedMentions(pings).build();
    }

    /**
     * A reminder is the one message meant to call people: its user and role mentions ping. What
     * people wrote never mentions anyone ({@link DiscordText#escape}), so no other mention can ride along.
     */
    private static EnumSet<Message.MentionType> pings(Tag tag) {
        return tag.key().startsWith(dev.countdown.chat.ThreadLayout.Reminder.KEY_PREFIX) ? EnumSet.of(Message.MentionType.USER, Message.MentionType.ROLE)
                : EnumSet.noneOf(Message.MentionType.class);
    }

    private static List<MessageTopLevelComponentUnion> components(String body) {
        return new ComponentDeserializer(List.of())
                .deserializeAs(MessageTopLevelComponentUnion.class, DataArray.fromJson(body)).toList();
    }

    /**
     * Discord shows a message to one person only as an answer to their interaction: a follow-up
     * on its token (valid 15 minutes), marked ephemeral.
     */
    @Override
    public void replyPrivately(Recipient to, String text) throws Fault {
        String token = to.interaction().orElseThrow(() -> new Fault(Fault.Kind.REJECTED, Operation.POST, Duration.ZERO,
                "Discord answers privately only within an interaction"));
        call(Operation.POST, InteractionHook.from(jda(Operation.POST), token)
                .sendMessage(DiscordText.limit(text, 2_000)).setEphemeral(true));
    }

    private JDA jda(Operation operation) throws Fault {
        return session.get().orElseThrow(() -> new Fault(Fault.Kind.UNAVAILABLE, operation, Duration.ZERO,
                "the Discord bot is not logged in yet"));
    }

    private TextChannel parent(String channel, Operation operation) throws Fault {
        TextChannel parent = jda(operation).getTextChannelById(channel);
        if (parent == null) {
            throw new Fault(Fault.Kind.UNAVAILABLE, operation, Duration.ZERO, "Discord channel " + channel
                    + " is not (yet) visible to the bot: is it in the guild, and connected?");
        }
        return parent;
    }

    /** The thread started from {@code rootId}: known to JDA, or listed by Discord, or started now. */
    private ThreadChannel thread(TextChannel parent, String rootId, String name, Operation operation) throws Fault {
        ThreadChannel thread = jda(operation).getThreadChannelById(rootId);
        if (thread != null) {
            return thread;
        }
        try {
            return call(operation, parent.createThreadChannel(name, rootId)
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK));
        } catch (Fault fault) {
            // Started before a restart: Discord lists it among the guild's active threads.
            List<ThreadChannel> active = call(operation, parent.getGuild().retrieveActiveThreads());
            return active.stream().filter(t -> t.getId().equals(rootId)).findFirst().orElseThrow(() -> fault);
        }
    }

    private static <T> T call(Operation operation, RestAction<T> action) throws Fault {
        try {
            return action.complete(false);
        } catch (RateLimitedException e) {
            throw new Fault(Fault.Kind.RATE_LIMITED, operation, Duration.ofMillis(Math.max(1, e.getRetryAfter())),
                    "Discord rate limited " + e.getRateLimitedRoute());
        } catch (ErrorResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code;
            Fault.Kind kind = status >= 500 || e.isServerError() ? Fault.Kind.UNAVAILABLE : Fault.Kind.REJECTED;
            throw new Fault(kind, operation, Duration.ZERO, "Discord answered " + status + ": "
                    + e.getErrorResponse().name() + " " + e.getMeaning());
        } catch (RuntimeException e) {
            throw new Fault(Fault.Kind.UNAVAILABLE, operation, Duration.ZERO, "Discord unreachable: " + e);
        }
    }

    /** A message's reference: its id, after its thread's id and a slash when it is in a thread. */
    private record Ref(String thread, String message) {
        static Ref of(String ref) {
            int slash = ref.indexOf('/');
            return slash < 0 ? new Ref(null, ref) : new Ref(ref.substring(0, slash), ref.substring(slash + 1));
        }
    }
}

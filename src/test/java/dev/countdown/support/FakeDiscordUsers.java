package dev.countdown.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * People of the fake guild and what they do: slash commands, clicks, selects and form
 * submissions dispatched as INTERACTION_CREATE, and what each of them saw in return (the
 * callback, the deferred answer's {@code @original} edits, follow-ups).
 */
public final class FakeDiscordUsers {

    /** A member: id, username, global name, guild nickname (each may be null but the id), role ids. */
    public record Person(String id, String username, String globalName, String nick, List<String> roles) {
    }

    /** One interaction and every answer the bot gave it, in order. */
    public static final class Interaction {
        private final String id;
        private final String token;
        private final List<JsonNode> answers = new CopyOnWriteArrayList<>();
        private volatile Instant firstAnswer;
        private final Instant sent = Instant.now();

        Interaction(String id, String token) {
            this.id = id;
            this.token = token;
        }

        public String id() {
            return id;
        }

        /** How long the first answer took, or null when there is none yet. */
        public Duration firstAnswerAfter() {
            return firstAnswer == null ? null : Duration.between(sent, firstAnswer);
        }

        public List<JsonNode> answers() {
            return List.copyOf(answers);
        }

        /** The callback's type: 4 reply, 5 deferred reply, 6 deferred update, 9 modal. */
        public int callbackType() {
            return answers.isEmpty() ? 0 : answers.getFirst().path("type").asInt();
        }

        /** What the user reads: the last text of a reply, an {@code @original} edit or a follow-up. */
        public String text() {
            String text = null;
            for (JsonNode a : answers) {
                JsonNode data = a.has("type") ? a.path("data") : a;
                if (data.has("content")) {
                    text = data.path("content").asText();
                }
            }
            return text;
        }

        public boolean ephemeral() {
            return answers.stream().anyMatch(a -> ((a.has("type") ? a.path("data") : a).path("flags").asInt() & 64) != 0);
        }

        /** The form the bot opened, if it answered with one. */
        public JsonNode modal() {
            return answers.stream().filter(a -> a.path("type").asInt() == 9).map(a -> a.path("data")).findFirst()
                    .orElseThrow(() -> new AssertionError("no form was opened: " + answers));
        }

        /**
         * Waits for the answer: a reply, a form, a deferred update; after a deferred reply, for its
         * {@code @original} edit as well.
         */
        public Interaction await(Duration timeout) {
            return until(() -> callbackType() == 4 || callbackType() == 6 || callbackType() == 8 || callbackType() == 9
                    || callbackType() == 5 && answers.size() > 1, timeout);
        }

        /** Waits for a follow-up message after the first answer: a refusal after a deferred update. */
        public Interaction awaitFollowUp(Duration timeout) {
            return until(() -> answers.size() > 1, timeout);
        }

        private Interaction until(java.util.function.BooleanSupplier done, Duration timeout) {
            long end = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < end) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return this;
        }
    }

    private final FakeDiscord discord;
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Interaction> byToken = new ConcurrentHashMap<>();

    FakeDiscordUsers(FakeDiscord discord) {
        this.discord = discord;
    }

    public FakeDiscordUsers add(Person person) {
        people.put(person.id(), person);
        return this;
    }

    Set<String> roles() {
        return people.values().stream().flatMap(p -> p.roles().stream()).collect(java.util.stream.Collectors.toSet());
    }

    /** {@code /release <sub> option=value...}, typed in the channel. */
    public Interaction slash(String user, String command, String sub, Map<String, Object> options) {
        return slashIn(FakeDiscord.CHANNEL, user, command, sub, options);
    }

    /** The same, typed in a channel or thread of the guild. */
    public Interaction slashIn(String channelId, String user, String command, String sub, Map<String, Object> options) {
        ObjectNode data = FakeDiscord.JSON.createObjectNode().put("id", discord.nextId()).put("name", command).put("type", 1);
        ArrayNode top = data.putArray("options");
        ArrayNode args = top;
        if (sub != null) {
            ObjectNode subcommand = top.addObject().put("name", sub).put("type", 1);
            args = subcommand.putArray("options");
        }
        for (var option : options.entrySet()) {
            ObjectNode o = args.addObject().put("name", option.getKey());
            if (option.getValue() instanceof Boolean b) {
                o.put("type", 5).put("value", b);
            } else {
                o.put("type", 3).put("value", option.getValue().toString());
            }
        }
        return send(2, user, data, null, channelId);
    }

    /** A button pressed on a message. */
    public Interaction click(String user, FakeDiscord.Message message, String customId) {
        ObjectNode data = FakeDiscord.JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return send(3, user, data, message);
    }

    public Interaction select(String user, FakeDiscord.Message message, String customId, String value) {
        ObjectNode data = FakeDiscord.JSON.createObjectNode().put("custom_id", customId).put("component_type", 3);
        data.putArray("values").add(value);
        return send(3, user, data, message);
    }

    /** A form submitted: a select's chosen value and a text input's value, each under its custom id. */
    public Interaction submit(String user, String modalId, Map<String, String> selects, Map<String, String> texts) {
        ObjectNode data = FakeDiscord.JSON.createObjectNode().put("custom_id", modalId);
        ArrayNode components = data.putArray("components");
        int uid = 1;
        for (var s : selects.entrySet()) {
            ObjectNode c = components.addObject().put("type", 18).put("id", uid++).putObject("component")
                    .put("type", 3).put("id", uid++).put("custom_id", s.getKey());
            c.putArray("values").add(s.getValue());
        }
        for (var t : texts.entrySet()) {
            components.addObject().put("type", 18).put("id", uid++).putObject("component").put("type", 4)
                    .put("id", uid++).put("custom_id", t.getKey()).put("value", t.getValue());
        }
        return send(5, user, data, null);
    }

    public Interaction autocomplete(String user, String command, String sub, String option, String typed) {
        ObjectNode data = FakeDiscord.JSON.createObjectNode().put("id", discord.nextId()).put("name", command).put("type", 1);
        ArrayNode args = data.putArray("options");
        if (sub != null) {
            args = args.addObject().put("name", sub).put("type", 1).putArray("options");
        }
        args.addObject().put("name", option).put("type", 3).put("value", typed).put("focused", true);
        return send(4, user, data, null);
    }

    private Interaction send(int type, String userId, ObjectNode data, FakeDiscord.Message message) {
        return send(type, userId, data, message, message == null ? FakeDiscord.CHANNEL : message.channelId());
    }

    private Interaction send(int type, String userId, ObjectNode data, FakeDiscord.Message message, String channelId) {
        Person person = people.get(userId);
        if (person == null) {
            throw new IllegalArgumentException("no such member " + userId);
        }
        String id = discord.nextId();
        String token = "token-" + id;
        Interaction interaction = new Interaction(id, token);
        byToken.put(token, interaction);
        ObjectNode d = FakeDiscord.JSON.createObjectNode().put("id", id).put("application_id", FakeDiscord.APP)
                .put("type", type).put("token", token).put("version", 1).put("guild_id", FakeDiscord.GUILD)
                .put("locale", "en-US").put("guild_locale", "en-US").put("app_permissions", Long.toString(FakeDiscord.PERMISSIONS))
                .put("context", 0);
        d.put("channel_id", channelId);
        d.set("channel", channel(channelId));
        d.putObject("guild").put("id", FakeDiscord.GUILD).put("locale", "en-US").putArray("features");
        d.putObject("authorizing_integration_owners").put("0", FakeDiscord.GUILD);
        d.putArray("entitlements");
        ObjectNode member = d.putObject("member").put("joined_at", Instant.now().toString()).put("deaf", false)
                .put("mute", false).put("flags", 0).put("pending", false).put("permissions", "0");
        if (person.nick() == null) {
            member.putNull("nick");
        } else {
            member.put("nick", person.nick());
        }
        person.roles().forEach(member.putArray("roles")::add);
        if (!member.has("roles")) {
            member.putArray("roles");
        }
        ObjectNode user = member.putObject("user").put("id", person.id()).put("username", person.username())
                .put("discriminator", "0").putNull("avatar").put("public_flags", 0);
        if (person.globalName() == null) {
            user.putNull("global_name");
        } else {
            user.put("global_name", person.globalName());
        }
        d.set("data", data);
        if (message != null) {
            d.set("message", message.json());
        }
        discord.dispatch("INTERACTION_CREATE", d);
        return interaction;
    }

    private JsonNode channel(String channelId) {
        ObjectNode c = FakeDiscord.JSON.createObjectNode().put("id", channelId).put("guild_id", FakeDiscord.GUILD)
                .put("name", "deployments").put("flags", 0).put("permissions", Long.toString(FakeDiscord.PERMISSIONS));
        if (channelId.equals(FakeDiscord.CHANNEL)) {
            return c.put("type", 0).put("position", 0).putNull("parent_id").put("nsfw", false).put("rate_limit_per_user", 0);
        }
        c.put("type", 11).put("parent_id", FakeDiscord.CHANNEL).put("owner_id", FakeDiscord.BOT).put("member_count", 1)
                .put("message_count", 1).put("rate_limit_per_user", 0);
        c.putObject("thread_metadata").put("archived", false).put("locked", false).put("invitable", true)
                .put("auto_archive_duration", 10080).put("archive_timestamp", Instant.now().toString());
        return c;
    }

    /** Interaction callbacks, follow-ups and edits of the original answer, recorded on their interaction. */
    void answer(HttpExchange ex, String method, String[] p, JsonNode request) throws IOException {
        String token = p[2];
        Interaction interaction = byToken.get(token);
        if (interaction == null) {
            FakeDiscord.send(ex, 404, FakeDiscord.JSON.createObjectNode().put("message", "Unknown interaction")
                    .put("code", 10062));
            return;
        }
        if (interaction.firstAnswer == null) {
            interaction.firstAnswer = Instant.now();
        }
        interaction.answers.add(request);
        if (p[0].equals("interactions")) {
            FakeDiscord.send(ex, 204, null);
            return;
        }
        String id = discord.nextId();
        FakeDiscord.send(ex, 200, discord.messageJson(id, FakeDiscord.CHANNEL, request).put("webhook_id", FakeDiscord.APP));
    }
}

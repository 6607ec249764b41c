package dev.countdown.web;

import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ProbeRuns;
import dev.countdown.chat.ReleaseView;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Authorizer;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.Limits;
import dev.countdown.release.ItemState;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A page that behaves like a chat channel, for people without a Slack workspace yet: type
 * {@code /release start v1.0.0} and click the same buttons, rendered from the same
 * {@link ReleaseView} and driving the same commands as Slack, acting as a user chosen on the page.
 * Who acts is a {@link IdentitySource#PLAYGROUND} identity, never a Slack user: it counts only in
 * releases started here (see {@link Authorizer}).
 */
@Controller("/playground")
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaygroundController {

    private final PlaygroundSettings settings;
    private final ManifestRegistry registry;
    private final ReleaseService releases;
    private final ChatCommands commands;
    private final ProbeRuns probes;

    PlaygroundController(PlaygroundSettings settings, ManifestRegistry registry, ReleaseService releases,
                         ChatCommands commands, ProbeRuns probes) {
        this.settings = settings;
        this.registry = registry;
        this.releases = releases;
        this.commands = commands;
        this.probes = probes;
    }

    @Serdeable
    record Typed(@Nullable String channel, @Nullable String user, @Nullable String text) {
    }

    @Serdeable
    record Click(@Nullable String channel, @Nullable String user, @Nullable String release, @Nullable String verb,
                 @Nullable String target, @Nullable String value, @Nullable String note) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(@Nullable @QueryValue String channel, @Nullable @QueryValue String user,
                              @Nullable @QueryValue String said) {
        if (!settings.enabled()) {
            return HttpResponse.<String>notFound().contentType(MediaType.TEXT_HTML_TYPE).body(PlaygroundPage.off(settings));
        }
        Map<String, List<ReleaseManifest>> channels = PlaygroundPage.channels(registry.all());
        if (channels.isEmpty()) {
            return html(PlaygroundPage.noChannel());
        }
        String ch = channel != null && channels.containsKey(channel) ? channel : channels.keySet().iterator().next();
        Map<String, String> users = PlaygroundPage.users(channels.get(ch));
        String who = user != null && users.containsKey(user) ? user : users.keySet().iterator().next();
        Optional<LoadedRelease> current = commands.current(Platform.PLAYGROUND, ch);
        return html(PlaygroundPage.channel(settings, channels, ch, users, who, current, said));
    }

    @Post(value = "/command", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> command(@Nullable @Body Typed form) {
        Typed typed = form == null ? new Typed(null, null, null) : form;
        if (!settings.enabled()) {
            return HttpResponse.notFound();
        }
        String channel = required(typed.channel(), "channel");
        if (!PlaygroundPage.channels(registry.all()).containsKey(channel)) {
            throw new BadInput("No manifest names the channel '" + channel + "'.");
        }
        Actor actor = actor(typed.user());
        String text = required(typed.text(), "text").strip();
        String said = !text.startsWith("/release") ? "Only /release commands work here. " + ChatCommands.HELP
                : commands.handle(new ChatCommands.Invocation(Platform.PLAYGROUND, channel,
                text.substring("/release".length()), key(), m -> actor)).text();
        return back(channel, actor.userId(), said);
    }

    @Post(value = "/click", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> click(@Nullable @Body Click form) {
        Click click = form == null ? new Click(null, null, null, null, null, null, null) : form;
        if (!settings.enabled()) {
            return HttpResponse.notFound();
        }
        String channel = required(click.channel(), "channel");
        Actor actor = actor(click.user());
        String release = required(click.release(), "release");
        String target = required(click.target(), "target");
        Origin origin = new Origin(Platform.PLAYGROUND, channel);
        String verb = required(click.verb(), "verb");
        Command command = switch (verb) {
            case "probe" -> null;
            case "item" -> item(release, target, required(click.value(), "value"), click.note());
            case "approve", "reject" -> new Command.CastVote(release, target, verb.equals("approve"), click.note());
            default -> throw new BadInput("Unknown verb '" + verb + "'; expected item, approve, reject or probe.");
        };
        if (command == null) {
            // Probes run before their results are recorded: refuse a foreign release before they run.
            Optional<String> elsewhere = releases.find(release)
                    .flatMap(r -> Authorizer.venueRefusal(actor, r.release().startedBy()));
            return back(channel, actor.userId(), elsewhere.orElseGet(() ->
                    probes.start(release, List.of(target), actor, key(), origin).text()));
        }
        ChatCommands.Answer answer = ChatCommands.answer(releases.handle(new CommandRequest(command, actor, key(), origin)));
        return back(channel, actor.userId(), answer.refused() ? answer.text() : null);
    }

    @Error(exception = BadInput.class)
    HttpResponse<String> badInput(BadInput e) {
        return HttpResponse.<String>status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE)
                .body(PlaygroundPage.badRequest(e.getMessage()));
    }

    private static Command item(String release, String target, String value, String note) {
        if (value.equals("note")) {
            return new Command.AddNote(release, target, note == null ? "" : note);
        }
        try {
            return new Command.SetItem(release, target, ItemState.parse(value), note);
        } catch (IllegalArgumentException e) {
            throw new BadInput("Unknown value '" + value + "' for an item; expected pass, fail, n/a, blocked, pending "
                    + "or note.");
        }
    }

    /** Who acts: a playground identity under the id picked on the page, a Slack user id of a manifest. */
    private static Actor actor(String user) {
        required(user, "user");
        Limits.tooLong("user", user, Limits.USER_ID).ifPresent(problem -> {
            throw new BadInput(Limits.sentence(problem));
        });
        return new Actor(IdentitySource.PLAYGROUND, user, user, Set.of());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadInput("The form needs a " + field + ".");
        }
        return value;
    }

    private static String key() {
        return "playground:" + UUID.randomUUID();
    }

    private static HttpResponse<?> back(String channel, String user, String said) {
        String query = "?channel=" + enc(channel) + "&user=" + enc(user) + (said == null ? "" : "&said=" + enc(said));
        return HttpResponse.seeOther(URI.create("/playground" + query));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> html(String page) {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** Form input the playground cannot use; answered 400 with the message. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}

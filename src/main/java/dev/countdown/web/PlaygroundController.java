package dev.countdown.web;

import dev.countdown.chat.ActionRef;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ClickRouter;
import dev.countdown.chat.Mentions;
import dev.countdown.chat.ReleaseView;
import dev.countdown.chat.WhoCan;
import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Authorizer;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Origin;
import dev.countdown.release.Platform;
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
import java.util.ArrayList;
import java.util.EnumSet;
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
    /** The buttons the playground's messages show: Slack's, deciding and cancelling behind a confirmation. */
    private static final Set<ActionRef.Verb> CLICKABLE = EnumSet.allOf(ActionRef.Verb.class);

    private final ChatCommands commands;
    private final ClickRouter clicks;
    private final WhoCan whoCan;
    private final Pages pages;
    private final ReleasePages releasePages;
    private final People people;

    PlaygroundController(PlaygroundSettings settings, ManifestRegistry registry, ChatCommands commands,
                         ClickRouter clicks, WhoCan whoCan, Pages pages, ReleasePages releasePages, People people) {
        this.whoCan = whoCan;
        this.pages = pages;
        this.releasePages = releasePages;
        this.people = people;
        this.settings = settings;
        this.registry = registry;
        this.commands = commands;
        this.clicks = clicks;
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
            return pages.status(HttpStatus.NOT_FOUND, "playground/off", "whyOff", settings.whyOff());
        }
        Map<String, List<ReleaseManifest>> channels = PlaygroundPage.channels(registry.all());
        if (channels.isEmpty()) {
            return pages.ok("playground/none", "why", "no channel");
        }
        String ch = channel != null && channels.containsKey(channel) ? channel : channels.keySet().iterator().next();
        Map<String, String> users = PlaygroundPage.users(channels.get(ch), people);
        String who = user != null && users.containsKey(user) ? user : users.keySet().iterator().next();
        Optional<LoadedRelease> current = commands.current(Platform.PLAYGROUND, ch);
        List<PlaygroundPage.Choice> channelChoices = new ArrayList<>();
        channels.forEach((id, ms) -> channelChoices.add(new PlaygroundPage.Choice(id, "#" + id + " ("
                + String.join(", ", ms.stream().map(ReleaseManifest::service).toList()) + ")", id.equals(ch))));
        List<PlaygroundPage.Choice> userChoices = new ArrayList<>();
        users.forEach((id, label) -> userChoices.add(new PlaygroundPage.Choice(id, label, id.equals(who))));
        PlaygroundPage page = new PlaygroundPage(settings.whyOn(), channelChoices, userChoices, ch, who,
                current.map(r -> PlaygroundPage.Thread.of(releasePages.of(r, List.of()))), said);
        return pages.ok("playground/page", "page", page);
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
        String said = !text.startsWith("/release") ? "Only /release commands work here. " + commands.help()
                : whoCan.render(commands.handle(ChatCommands.Invocation.typed(Platform.PLAYGROUND, channel,
                text.substring("/release".length()), key(), m -> actor)), Mentions.PLAIN);
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
        ActionRef.Verb verb = ActionRef.Verb.of(required(click.verb(), "verb")).filter(CLICKABLE::contains)
                .orElseThrow(() -> new BadInput("Unknown verb '" + click.verb() + "'; expected item, approve, reject, probe, "
                        + "decide, override or cancel."));
        String value = verb == ActionRef.Verb.ITEM ? required(click.value(), "value") : click.value();
        ActionRef ref;
        try {
            ref = new ActionRef(release, verb, target);
        } catch (IllegalArgumentException e) {
            throw new BadInput("No release has the id '" + Limits.shown(release) + "'.");
        }
        // The page asks for a note next to the menu, so a click always carries one, if only empty.
        ClickRouter.Routed routed = clicks.route(new ClickRouter.Click(ref, value, click.note() == null ? "" : click.note()),
                manifest -> actor, key(), new Origin(Platform.PLAYGROUND, channel));
        return switch (routed) {
            case ClickRouter.Routed.Answered a -> back(channel, actor.userId(), a.worthSaying()
                    ? whoCan.render(a.answer(), Mentions.PLAIN) : null);
            case ClickRouter.Routed.Unreadable u -> throw new BadInput(u.why());
            case ClickRouter.Routed.NeedsNote n -> throw new BadInput("The form needs a note.");
        };
    }

    @Error(exception = BadInput.class)
    HttpResponse<String> badInput(BadInput e) {
        return pages.status(HttpStatus.BAD_REQUEST, "bad-request", "message", e.getMessage());
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

    /** Form input the playground cannot use; answered 400 with the message. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}

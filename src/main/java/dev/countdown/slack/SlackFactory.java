package dev.countdown.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ChatDelivery;
import dev.countdown.chat.ClickRouter;
import dev.countdown.chat.ChatRepositories;
import dev.countdown.chat.ChatClient;
import dev.countdown.chat.RateGate;
import dev.countdown.chat.SendBudget;
import dev.countdown.chat.ThreadSync;
import dev.countdown.chat.WhoCan;
import dev.countdown.people.NameSource;
import dev.countdown.people.PeopleDirectory;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Slack app, switched on when its bot token and signing secret are set. The Web API's base
 * URL is a setting too: for proxies, Slack's government cloud, and the tests' fake Slack.
 */
@Factory
@Requires(property = SlackFactory.BOT_TOKEN, pattern = ".+")
@Requires(property = SlackFactory.SIGNING_SECRET, pattern = ".+")
class SlackFactory {

    static final String BOT_TOKEN = "countdown.slack.bot-token";
    static final String SIGNING_SECRET = "countdown.slack.signing-secret";

    @Singleton
    Slack slack(@Value("${countdown.slack.api-url:`https://slack.com/api/`}") String apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }

    @Singleton
    MethodsClient methods(Slack slack, @Value("${" + BOT_TOKEN + "}") String botToken) {
        return slack.methods(botToken);
    }

    @Singleton
    @Named("slack-background")
    @Bean(preDestroy = "shutdown")
    ExecutorService background() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Singleton
    NameSource names(MethodsClient methods) {
        return new SlackNames(methods);
    }

    @Singleton
    ChatDelivery delivery(MethodsClient methods, ChatRepositories.Messages messages, ReleaseService releases,
                          PeopleDirectory people, Clock clock, @Value("${countdown.slack.edits-per-minute:50}") int editsPerMinute,
                          @Value("${countdown.slack.posts-per-channel:20}") int postsPerChannel) {
        // One gate and one budget for the app: Slack's limits are per app and workspace, whichever
        // release calls. chat.update is Tier 3, a fifth of it kept for roots, approvals and decisions;
        // chat.postMessage is about one a second in a channel, a burst of a release's start allowed.
        SendBudget budget = new SendBudget(List.of(
                new SendBudget.Limit(ChatClient.Operation.EDIT, SendBudget.Limit.Scope.WORKSPACE, editsPerMinute,
                        Duration.ofMinutes(1)),
                new SendBudget.Limit(ChatClient.Operation.POST, SendBudget.Limit.Scope.CHANNEL, postsPerChannel,
                        Duration.ofSeconds(postsPerChannel))), editsPerMinute / 5);
        return new ThreadSync(Platform.SLACK, new SlackRenderer(), new SlackClient(methods), messages, releases,
                new RateGate(), budget, people, clock);
    }

    @Singleton
    SlackIdentity identity(ManifestRegistry registry, MethodsClient methods, Clock clock, PeopleDirectory people,
                           @Named("slack-background") ExecutorService background) {
        SlackIdentity identity = new SlackIdentity(registry, new SlackGroups(methods, clock), people);
        background.submit(identity::warm);
        return identity;
    }

    /** Shared by Bolt (Socket Mode) and {@link SlackEventsController}, which reads clicks without Bolt's per-click Gson. */
    @Singleton
    SlackActionHandler actions(ClickRouter clicks, WhoCan whoCan, SlackIdentity identity, MethodsClient methods,
                               @Named("slack-background") ExecutorService background) {
        return new SlackActionHandler(clicks, whoCan, identity, methods, new SlackClient(methods), background);
    }

    @Singleton
    App app(Slack slack, @Value("${" + BOT_TOKEN + "}") String botToken,
            @Value("${" + SIGNING_SECRET + "}") String signingSecret, ChatCommands chatCommands, WhoCan whoCan,
            SlackIdentity identity, SlackActionHandler actions) {
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(botToken).signingSecret(signingSecret)
                .build());
        SlackCommandHandler commands = new SlackCommandHandler(chatCommands, identity, whoCan);
        app.command("/release", (req, ctx) -> ctx.ack(commands.handle(req.getPayload())));
        app.command("/rollback", (req, ctx) -> ctx.ack(commands.handleRollback(req.getPayload())));
        app.blockAction(SlackIds.ACTION, (req, ctx) -> actions.blockAction(req.getPayload())
                .map(SlackInput::badRequest).orElseGet(ctx::ack));
        app.viewSubmission(SlackIds.NOTE_CALLBACK, (req, ctx) -> actions.viewSubmission(req.getPayload())
                .map(error -> ctx.ack(r -> r.responseAction("errors")
                        .errors(java.util.Map.of(SlackActionHandler.NOTE_BLOCK, error))))
                .orElseGet(ctx::ack));
        return app;
    }
}

package dev.countdown.discord;

import dev.countdown.chat.ChatClient;
import dev.countdown.chat.ChatCommands;
import dev.countdown.chat.ChatDelivery;
import dev.countdown.chat.ChatRepositories;
import dev.countdown.chat.ChatThread;
import dev.countdown.chat.ClickRouter;
import dev.countdown.chat.RateGate;
import dev.countdown.chat.SendBudget;
import dev.countdown.chat.ThreadSync;
import dev.countdown.chat.WhoCan;
import dev.countdown.people.PeopleDirectory;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ManifestRegistry;
import dev.countdown.release.Platform;
import dev.countdown.release.ReleaseService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The Discord bot, switched on when {@code DISCORD_TOKEN} is set: JDA over the gateway with the
 * GUILDS intent alone (no privileged intent: a member's roles come with each interaction). Its
 * REST and gateway URLs are settings, for proxies and the tests' fake Discord. Its messages go
 * through the shared outbox and {@link ThreadSync}, like Slack's.
 */
@Factory
@Requires(property = DiscordSettings.TOKEN, pattern = ".+")
class DiscordFactory {

    @Singleton
    @Named("discord-work")
    @Bean(preDestroy = "shutdown")
    ExecutorService work() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Context
    @Bean(preDestroy = "close")
    DiscordConnection connection(DiscordSettings checked, @Value("${" + DiscordSettings.TOKEN + "}") String token,
            @Value("${countdown.discord.api-url:}") String apiUrl,
            @Value("${countdown.discord.gateway-url:}") String gatewayUrl,
            @Value("${countdown.discord.guild-id:}") String guildId,
            ManifestRegistry registry, ChatCommands commands, ClickRouter clicks, WhoCan whoCan,
            @Named("discord-work") ExecutorService work, DataSource dataSource) {
        // No intent asked for: JDA always sends GUILDS, the one Countdown needs.
        String base = apiUrl.isBlank() ? DiscordSettings.DEFAULT_API_URL : apiUrl.strip();
        // Private answers go through the client too; it reaches the session once the login made it.
        AtomicReference<DiscordConnection> self = new AtomicReference<>();
        DiscordClient replies = new DiscordClient(() -> Optional.ofNullable(self.get()).flatMap(DiscordConnection::jda));
        JDABuilder builder = JDABuilder.createLight(token.strip(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(base.endsWith("/") ? base : base + "/"))
                .addEventListeners(new DiscordBot(commands, whoCan, new DiscordSlashCommands(registry),
                        new DiscordClicks(clicks, whoCan, replies, work), work, guildId.strip()));
        if (!gatewayUrl.isBlank()) {
            String gateway = gatewayUrl.strip();
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            }).setCompression(Compression.NONE);
        }
        DiscordConnection connection = new DiscordConnection(builder, new GatewayLock(dataSource));
        self.set(connection);
        return connection;
    }

    @Singleton
    ChatDelivery delivery(DiscordConnection connection, ChatRepositories.Messages messages, ReleaseService releases,
                          PeopleDirectory people, Clock clock) {
        // Discord allows 50 requests a second for the bot; edits and posts keep under it together.
        SendBudget budget = new SendBudget(List.of(
                new SendBudget.Limit(ChatClient.Operation.POST, SendBudget.Limit.Scope.WORKSPACE, 20, Duration.ofSeconds(1)),
                new SendBudget.Limit(ChatClient.Operation.EDIT, SendBudget.Limit.Scope.WORKSPACE, 20, Duration.ofSeconds(1))),
                4);
        ThreadSync sync = new ThreadSync(Platform.DISCORD, new DiscordRenderer(), new DiscordClient(connection::jda),
                messages, releases, new RateGate(), budget, people, clock);
        // The client finds channels through the gateway's session: the replica holding it delivers.
        return new ChatDelivery() {
            @Override
            public Platform platform() {
                return Platform.DISCORD;
            }

            @Override
            public boolean ready() {
                return connection.jda().isPresent();
            }

            @Override
            public Result deliver(ChatThread thread, LoadedRelease release) {
                return sync.deliver(thread, release);
            }
        };
    }
}

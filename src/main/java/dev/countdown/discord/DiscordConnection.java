package dev.countdown.discord;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's session, logged in off the start-up path: Countdown starts and serves Slack, the API
 * and the dashboard while Discord is unreachable, and logs in as soon as it answers. A token
 * Discord refuses is said loudly and not tried again. Until then the outbox keeps Discord's rows.
 */
final class DiscordConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final AtomicReference<JDA> jda = new AtomicReference<>();
    private final Thread login;
    private volatile boolean closed;

    DiscordConnection(JDABuilder builder) {
        login = Thread.ofVirtual().name("discord-login").start(() -> login(builder));
    }

    private void login(JDABuilder builder) {
        while (!closed) {
            try {
                jda.set(builder.build());
                LOG.info("Discord bot logged in; connecting to the gateway");
                if (closed) {
                    jda.get().shutdownNow();
                }
                return;
            } catch (InvalidTokenException e) {
                LOG.error("Discord refused DISCORD_TOKEN ({}): the bot stays off until it is replaced and Countdown "
                        + "restarted. See docs/discord.md.", e.getMessage());
                return;
            } catch (RuntimeException e) {
                LOG.warn("Discord could not be reached to log in ({}); trying again in {}s", e.getMessage(),
                        RETRY.toSeconds());
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** The session, once logged in. */
    Optional<JDA> jda() {
        return Optional.ofNullable(jda.get());
    }

    @Override
    public void close() {
        closed = true;
        login.interrupt();
        JDA session = jda.get();
        if (session != null) {
            session.shutdownNow();
        }
    }
}

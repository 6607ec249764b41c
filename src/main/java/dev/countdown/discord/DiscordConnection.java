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
 *
 * <p>Only the replica holding the {@link GatewayLock} logs in, so each interaction is handled
 * once. The others check every {@link #CHECK} and take over when the holder is gone; a holder that
 * loses its lock (its database connection dropped) logs out at once, for the next holder.
 */
final class DiscordConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
    private static final Duration RETRY = Duration.ofSeconds(30);
    static final Duration CHECK = Duration.ofSeconds(2);

    private final AtomicReference<JDA> jda = new AtomicReference<>();
    private final GatewayLock lock;
    private final Thread login;
    private volatile boolean closed;

    DiscordConnection(JDABuilder builder, GatewayLock lock) {
        this.lock = lock;
        login = Thread.ofVirtual().name("discord-login").start(() -> lead(builder));
    }

    /** Waits to hold the gateway, holds it while the lock lasts, and starts over when it is lost. */
    private void lead(JDABuilder builder) {
        boolean waitingSaid = false;
        try {
            while (!closed) {
                if (!lock.tryAcquire()) {
                    if (!waitingSaid) {
                        LOG.info("another replica holds the Discord gateway; this one stands by and takes over "
                                + "when it is gone");
                        waitingSaid = true;
                    }
                    Thread.sleep(CHECK);
                    continue;
                }
                waitingSaid = false;
                LOG.info("this replica holds the Discord gateway");
                if (!login(builder)) {
                    return;
                }
                while (!closed && lock.stillHeld()) {
                    Thread.sleep(CHECK);
                }
                if (!closed) {
                    LOG.warn("this replica lost the Discord gateway lock (its database connection dropped); "
                            + "logging out for the next holder");
                    logOut();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logs in, retrying while Discord is unreachable; false when the token is refused or on close. */
    private boolean login(JDABuilder builder) throws InterruptedException {
        while (!closed) {
            try {
                jda.set(builder.build());
                LOG.info("Discord bot logged in; connecting to the gateway");
                if (closed) {
                    logOut();
                }
                return !closed;
            } catch (InvalidTokenException e) {
                LOG.error("Discord refused DISCORD_TOKEN ({}): the bot stays off until it is replaced and Countdown "
                        + "restarted. See docs/discord.md.", e.getMessage());
                return false;
            } catch (RuntimeException e) {
                LOG.warn("Discord could not be reached to log in ({}); trying again in {}s", e.getMessage(),
                        RETRY.toSeconds());
                Thread.sleep(RETRY);
            }
        }
        return false;
    }

    private void logOut() {
        JDA session = jda.getAndSet(null);
        if (session != null) {
            session.shutdownNow();
        }
    }

    /** The session, once logged in; empty on a replica that does not hold the gateway. */
    Optional<JDA> jda() {
        return Optional.ofNullable(jda.get());
    }

    @Override
    public void close() {
        closed = true;
        login.interrupt();
        logOut();
        lock.close();
    }
}

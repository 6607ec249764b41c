package dev.countdown.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode, for teams whose Countdown has no public URL: with an app-level token set, the same
 * Bolt app receives commands and clicks over a WebSocket that Countdown opens to Slack. It
 * reconnects by itself, asking {@code apps.connections.open} for a new URL each time.
 */
@Context
@Requires(beans = App.class)
@Requires(property = "countdown.slack.app-token", pattern = ".+")
class SlackSocketMode {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

    private final SocketModeApp socketMode;

    SlackSocketMode(App app, @Value("${countdown.slack.app-token}") String appToken) throws Exception {
        this.socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        LOG.info("Slack Socket Mode connecting");
    }

    @PreDestroy
    void stop() throws Exception {
        socketMode.close();
    }
}

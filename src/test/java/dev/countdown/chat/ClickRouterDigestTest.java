package dev.countdown.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countdown.release.Actor;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.ItemState;
import dev.countdown.release.ReleaseService;
import dev.countdown.support.ApiClient;
import dev.countdown.support.CountdownTestProperties;
import dev.countdown.support.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A click whose target came as a digest (an id too long for Discord) acts on the target it stands for, and only that. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickRouterDigestTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    ClickRouter router;
    @Inject
    ReleaseService releases;

    @Override
    public Map<String, String> getProperties() {
        return CountdownTestProperties.with(TestPostgres.newH2Database());
    }

    @Test
    void aDigestedTargetIsResolvedAgainstTheRelease() {
        ApiClient api = new ApiClient(server.getURI(), CountdownTestProperties.TOKEN);
        String id = api.post("/api/releases", "{\"service\":\"shop\",\"version\":\"v9.0.0\",\"actor\":"
                + "{\"platform\":\"slack\",\"id\":\"U0RM00001\"}}").json().path("release").path("id").asText();
        String item = "canary.canary-deployed-to-5-of-traffic";
        ActionRef digested = ActionRef.decode(new ActionRef(id, ActionRef.Verb.ITEM, item).encodeWithin(50)).orElseThrow();
        Actor rm = new Actor(IdentitySource.SLACK, "U0RM00001", "rita", Set.of());
        assertThat(digested.digested()).isTrue();

        router.route(new ClickRouter.Click(digested, "pass", null), m -> rm, "digest-1", null);
        ClickRouter.Routed unknown = router.route(new ClickRouter.Click(new ActionRef(id, ActionRef.Verb.ITEM,
                ActionRef.digest("no-such-item")), "pass", null), m -> rm, "digest-2", null);

        assertThat(releases.find(id).orElseThrow().release().item(item).state()).isEqualTo(ItemState.PASS);
        assertThat(unknown).isInstanceOfSatisfying(ClickRouter.Routed.Answered.class,
                a -> assertThat(a.answer().text()).contains("names nothing this release has"));
    }
}

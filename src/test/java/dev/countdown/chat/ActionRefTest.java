package dev.countdown.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countdown.release.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionRefTest {

    @ParameterizedTest
    @EnumSource(ActionRef.Verb.class)
    void everyVerbSurvivesTheRoundTrip(ActionRef.Verb verb) {
        ActionRef ref = new ActionRef("r7k2m9q4x1", verb, "canary.error-rate|below-1");

        assertThat(ActionRef.decode(ref.encode())).contains(ref);
    }

    @Test
    void anIdStaysReadable() {
        assertThat(ActionRef.vote("r7k2m9q4x1", true, "qa-lead").encode()).isEqualTo("cd|r7k2m9q4x1|approve|qa-lead");
        assertThat(ActionRef.decide("r1", "Canary", true).encode()).isEqualTo("cd|r1|override|"
                + Integer.toHexString("Canary".hashCode()));
    }

    @Test
    void theLongestIdsFitSlackAndShortTargetsFitDiscord() {
        String release = "r".repeat(Limits.RELEASE_ID);
        String longest = new ActionRef(release, ActionRef.Verb.OVERRIDE, "t".repeat(Limits.ID)).encode();
        String discord = new ActionRef(release, ActionRef.Verb.OVERRIDE, "t".repeat(ActionRef.SHORT_TARGET)).encode();

        assertThat(longest).hasSize(ActionRef.MAX_LENGTH).hasSizeLessThanOrEqualTo(255);
        assertThat(ActionRef.decode(longest)).isPresent();
        assertThat(discord).hasSizeLessThanOrEqualTo(100);
        assertThat(ActionRef.decode(longest + "t")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cd|r1|delete|qa-lead", "cd|r1|APPROVE|qa-lead", "cd|r1|approve", "cd|r1|approve|",
            "cd||approve|qa-lead", "xx|r1|approve|qa-lead", "", "cd|"})
    void aTamperedOrUnknownIdDecodesToNothing(String id) {
        assertThat(ActionRef.decode(id)).isEmpty();
    }

    @Test
    void aReleaseIdCannotCarryTheSeparator() {
        assertThatThrownBy(() -> ActionRef.item("r1|approve", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ActionRef.decode(null)).isEmpty();
    }

    @Test
    void aTargetTooLongForDiscordTravelsAsADigestThatResolvesToItAlone() {
        String release = "r".repeat(Limits.RELEASE_ID);
        String item = "full-rollout." + "t".repeat(150);
        ActionRef ref = ActionRef.item(release, item);

        String id = ref.encodeWithin(100);
        ActionRef decoded = ActionRef.decode(id).orElseThrow();

        assertThat(id).hasSizeLessThanOrEqualTo(100);
        assertThat(decoded.digested()).isTrue();
        assertThat(decoded.resolves(item)).isTrue();
        assertThat(decoded.resolves(item + "x")).isFalse();
        assertThat(ActionRef.item("r1", "short").encodeWithin(100)).isEqualTo("cd|r1|item|short");
    }
}

package dev.countdown.slack;

import dev.countdown.support.FakeSlack;

/** Reads what a user's client would send back: the release id inside a message's action ids. */
final class SlackIdsTestAccess {

    private SlackIdsTestAccess() {
    }

    static String releaseIdIn(FakeSlack.Message message) {
        return message.blocks().findValues("action_id").stream().map(n -> SlackIds.parse(n.asText()))
                .flatMap(java.util.Optional::stream).findFirst().orElseThrow().releaseId();
    }
}

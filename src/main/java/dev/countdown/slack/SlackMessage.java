package dev.countdown.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * One message of a release's thread as Slack gets it.
 *
 * @param key       which part of the release it shows, to find it again for edits
 * @param text      the notification and screen-reader text
 * @param broadcast also shown in the channel (decisions, alerts)
 * @param evidence  the evidence bundle is attached under it (the release's decisions)
 */
record SlackMessage(String key, String text, ArrayNode blocks, boolean broadcast, boolean evidence) {

    SlackMessage(String key, String text, ArrayNode blocks, boolean broadcast) {
        this(key, text, blocks, broadcast, false);
    }

    String blocksJson() {
        return blocks.toString();
    }
}

package dev.countdown.release;

/**
 * Where a command was typed: a platform and a channel id, carried for the chat adapters' sake.
 * The core stores nothing of it and never interprets it.
 */
public record Origin(Platform platform, String channelId) {
}

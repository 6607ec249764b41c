package dev.countdown.release;

/** A release with the definition it runs: what views need to show it. */
public record LoadedRelease(Release release, ReleaseDefinition definition) {
}

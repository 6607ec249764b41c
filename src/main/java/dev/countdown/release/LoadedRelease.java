package dev.countdown.release;

/** A release with the definition it runs: what views need to show it. */
public record LoadedRelease(Release release, ReleaseDefinition definition) {

    /** The same release with everyone in it shown by {@code names}: for views, never to store. */
    public LoadedRelease named(DisplayNames names) {
        return names == DisplayNames.RECORDED ? this : new LoadedRelease(release.named(names), definition);
    }
}

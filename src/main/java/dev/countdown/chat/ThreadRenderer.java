package dev.countdown.chat;

/** A platform's look: how each part of a {@link ThreadLayout} is rendered, and how much a message holds. */
public interface ThreadRenderer {

    MessageLimits limits();

    /** The part as the platform shows it; never called for {@link ThreadLayout.Evidence}. */
    ChatClient.Outgoing render(ReleaseView view, ThreadLayout.Part part);
}

package dev.countdown.chat;

import dev.countdown.chat.ReleaseView.ItemView;
import dev.countdown.chat.ReleaseView.SectionView;

/**
 * What one message of a platform can hold, as {@link ThreadLayout} asks when it splits a long
 * section: each platform says what a heading and an item cost it, in its own units (Slack blocks,
 * Discord components) and characters, and how many of each a message takes.
 */
public interface MessageLimits {

    /** No limit: one message per section (a page that scrolls). */
    MessageLimits NONE = new MessageLimits() {
        @Override
        public Size heading(ReleaseView view, SectionView section, boolean continued) {
            return new Size(0, 0);
        }

        @Override
        public Size item(ReleaseView view, SectionView section, ItemView item) {
            return new Size(0, 0);
        }

        @Override
        public Size max() {
            return new Size(Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
    };

    record Size(int units, int chars) {
        Size plus(Size other) {
            return new Size(units + other.units, chars + other.chars);
        }

        boolean within(Size max) {
            return units <= max.units && chars <= max.chars;
        }
    }

    /** A part's heading; {@code continued} for the second part of a section on. */
    Size heading(ReleaseView view, SectionView section, boolean continued);

    Size item(ReleaseView view, SectionView section, ItemView item);

    /** The most items and heading one message holds. */
    Size max();
}

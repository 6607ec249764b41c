package dev.countdown.web;

import dev.countdown.chat.ReleaseView.ItemView;
import dev.countdown.release.ItemState;
import java.util.List;

/**
 * Items by outcome, for a progress bar: passed (and not applicable), failed (and blocked), pending.
 * The bar is drawn as SVG, whose widths are attributes: the pages' policy admits no inline style.
 */
public record Progress(int passed, int failed, int pending) {

    public static Progress of(List<ItemView> items) {
        int passed = (int) items.stream().filter(i -> i.state() == ItemState.PASS || i.state() == ItemState.NA).count();
        int failed = (int) items.stream().filter(i -> i.state() == ItemState.FAIL || i.state() == ItemState.BLOCKED).count();
        return new Progress(passed, failed, items.size() - passed - failed);
    }

    public int total() {
        return passed + failed + pending;
    }

    /** Widths out of 100 for the bar's three parts; they add up to 100 when there is any item. */
    public double passedWidth() {
        return share(passed);
    }

    public double failedWidth() {
        return share(failed);
    }

    public double pendingWidth() {
        return total() == 0 ? 100 : 100 - passedWidth() - failedWidth();
    }

    /** What a screen reader says for the bar. */
    public String label() {
        return passed + " of " + total() + " passed, " + failed + " failed, " + pending + " pending";
    }

    private double share(int n) {
        return total() == 0 ? 0 : Math.round(1000.0 * n / total()) / 10.0;
    }
}

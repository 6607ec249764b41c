package dev.countdown.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The list page: one page of releases, newest first, under the filter the reader chose.
 *
 * @param page       1 for the first
 * @param problems   manifests that cannot be used, shown so their author sees them first
 * @param playground whether the welcome may point at the playground
 */
public record ReleaseList(List<Row> rows, String service, String state, String version, int page, int pages,
                          long total, List<String> problems, boolean playground) {

    public static final int PAGE_SIZE = 50;
    public static final List<String> STATES = List.of("open", "go", "no-go", "cancelled", "rolling-back", "rolled-back");

    public record Row(String id, String service, String version, String state, Progress progress, int rolesApproved,
                      int rolesRequired, Instant startedAt) {
    }

    public boolean filtered() {
        return !service.isBlank() || !state.isBlank() || !version.isBlank();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The link to another page of the same filter. */
    public String link(int to) {
        return "/?service=" + enc(service) + "&state=" + enc(state) + "&version=" + enc(version) + "&page=" + to;
    }

    public long first() {
        return total == 0 ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
    }

    public long last() {
        return Math.min(total, (long) page * PAGE_SIZE);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

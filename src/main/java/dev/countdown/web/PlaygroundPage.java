package dev.countdown.web;

import dev.countdown.chat.ActionRef;
import dev.countdown.chat.MessageLimits;
import dev.countdown.chat.ThreadLayout;
import dev.countdown.manifest.Principals;
import dev.countdown.manifest.ReleaseManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The playground's channel as one user sees it: the release's root message, then its thread, the
 * messages of the same {@link ThreadLayout} the chats post, with the same buttons and dialogs.
 * A page scrolls, so no section is split.
 *
 * @param said what only this user sees: the answer to their last command or click
 */
public record PlaygroundPage(String whyOn, List<Choice> channels, List<Choice> users, String channel, String user,
                             Optional<Thread> thread, String said) {

    static final String VISITOR = "U0VISITOR";

    /** An option of a picker. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** The release's messages in thread order, the root first. */
    public record Thread(ReleasePage release, List<ThreadLayout.Part> parts) {

        static Thread of(ReleasePage release) {
            return new Thread(release, ThreadLayout.of(release.view(), MessageLimits.NONE));
        }

        public String releaseId() {
            return release.view().releaseId();
        }

        /** How many replies the root message shows under it. */
        public int replies() {
            return parts.size() - 1;
        }

        /** What a Decide button carries: the gate it was shown for, so a late click decides no other. */
        public String phaseToken() {
            return ActionRef.phaseToken(release.view().phase());
        }

        public String allProbes() {
            return ActionRef.ALL_PROBES;
        }
    }

    /** Each Slack channel a manifest names, with the manifests naming it. */
    static Map<String, List<ReleaseManifest>> channels(List<ReleaseManifest> manifests) {
        Map<String, List<ReleaseManifest>> channels = new LinkedHashMap<>();
        for (ReleaseManifest m : manifests) {
            m.channels().slack().forEach(c -> channels.computeIfAbsent(c, k -> new ArrayList<>()).add(m));
        }
        return channels;
    }

    /** The Slack users the channel's manifests name, each with what they may do. */
    static Map<String, String> users(List<ReleaseManifest> manifests, People people) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (ReleaseManifest m : manifests) {
            add(parts, m.permissions().start(), "may start");
            add(parts, m.permissions().decide(), "may decide");
            m.roles().values().forEach(r -> add(parts, r.owners(), r.title()));
        }
        Map<String, String> users = new LinkedHashMap<>();
        parts.forEach((id, what) -> users.put(id, people.slackUser(id) + " — " + String.join(", ", what.stream().distinct().toList())));
        users.put(VISITOR, VISITOR + " — named nowhere (to see a refusal)");
        return users;
    }

    private static void add(Map<String, List<String>> parts, Principals p, String what) {
        p.slackUsers().forEach(u -> parts.computeIfAbsent(u, k -> new ArrayList<>()).add(what));
    }
}

package dev.countdown.release;

import dev.countdown.source.SourceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds definitions and releases from texts written in a test, through the real readers. */
final class Definitions {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private Definitions() {
    }

    static ReleaseDefinition of(String manifestYaml, String templateMarkdown) {
        try {
            return new DefinitionSnapshot("test.yaml", manifestYaml, Map.of("test.md", templateMarkdown)).read();
        } catch (SourceException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A checklist of {@code n} items in one section, ids {@code checks.item-1} .. {@code checks.item-n}. */
    static String checklist(int n) {
        StringBuilder md = new StringBuilder("# Test\n\n## Checks\n\n");
        for (int k = 1; k <= n; k++) {
            md.append("- [ ] Item ").append(k).append('\n');
        }
        return md.toString();
    }

    static Release open(ReleaseDefinition definition) {
        return new Release("rtest", "svc", "v1", definition.hash(), ReleaseState.OPEN, 1, 0, Map.of(), Map.of(),
                List.of(), actor("U0RM").ref(), T0, Map.of(), List.of(), null, List.of());
    }

    static Release passing(Release release, ReleaseDefinition definition, int count) {
        Release r = release;
        for (int k = 0; k < count; k++) {
            String id = definition.template().items().get(k).id();
            r = r.withItem(id, new ItemStatus(ItemState.PASS, actor("U0QA").ref(), T0, java.util.List.of(), false));
        }
        return r;
    }

    static Release approved(Release release, String role, String... users) {
        Release r = release;
        for (String user : users) {
            r = r.withVote(role, new Vote(actor(user).ref(), true, T0, ""));
        }
        return r;
    }

    static Actor actor(String id) {
        return new Actor(IdentitySource.SLACK, id, id, Set.of());
    }
}

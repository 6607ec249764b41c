package dev.countdown.release;

/**
 * How a rollback ceremony and the release it undoes point at each other. On the rollback:
 * {@code undoes} (the release's id), the version it leaves, the state the release was in, and the
 * run of its action once the decision owner approved. On the release: {@code undoneBy} alone.
 */
public record RollbackLink(String undoes, String undoesVersion, ReleaseState releaseStateBefore, String undoneBy,
                           ActionRun run) {

    public static RollbackLink undoing(Release release) {
        return new RollbackLink(release.id(), release.version(), release.state(), null, null);
    }

    public static RollbackLink undoneBy(String rollbackId) {
        return new RollbackLink(null, null, null, rollbackId, null);
    }

    public RollbackLink withRun(ActionRun next) {
        return new RollbackLink(undoes, undoesVersion, releaseStateBefore, undoneBy, next);
    }
}

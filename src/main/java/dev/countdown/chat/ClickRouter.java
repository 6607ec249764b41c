package dev.countdown.chat;

import dev.countdown.manifest.ReleaseManifest;
import dev.countdown.release.Actor;
import dev.countdown.release.Authorizer;
import dev.countdown.release.Command;
import dev.countdown.release.CommandRequest;
import dev.countdown.release.ItemState;
import dev.countdown.release.Limits;
import dev.countdown.release.LoadedRelease;
import dev.countdown.release.ReleaseDefinition;
import dev.countdown.release.Origin;
import dev.countdown.release.ReleaseService;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a click on a release's message becomes a {@link Command} (or a probe run), for every
 * platform: a platform only decodes its own payload into a {@link Click}, says who clicked, and
 * shows what comes back in its own way.
 */
@Singleton
public class ClickRouter {

    /**
     * One click. {@code value} is what an item's menu chose (a state, or "note"); {@code note} is
     * null when the platform has not asked for one yet, and then a failure or a note asks for it.
     */
    public record Click(ActionRef ref, String value, String note) {
    }

    /** What became of a click. */
    public sealed interface Routed {

        /** Done or refused; {@code worthSaying} is false when the release's messages already show it. */
        record Answered(ChatCommands.Answer answer, boolean worthSaying) implements Routed {
        }

        /** A failure or a note needs its text first: the platform asks for it, then clicks again with it. */
        record NeedsNote(ActionRef ref, String kind) implements Routed {
        }

        /** Input no button of Countdown sends, such as an item state it does not know. */
        record Unreadable(String why) implements Routed {
        }
    }

    private final ReleaseService releases;
    private final ProbeRuns probes;

    public ClickRouter(ReleaseService releases, ProbeRuns probes) {
        this.releases = releases;
        this.probes = probes;
    }

    /**
     * Routes a click. {@code actorFor} resolves who clicked against the release's manifest; a retry
     * of the same click must carry the same {@code idempotencyKey}; {@code origin} may be null.
     */
    public Routed route(Click click, Function<ReleaseManifest, Actor> actorFor, String idempotencyKey, Origin origin) {
        ActionRef ref = click.ref();
        Optional<String> unreadable = ref.verb() == ActionRef.Verb.ITEM ? unreadableValue(click.value()) : Optional.empty();
        if (unreadable.isPresent()) {
            return new Routed.Unreadable(unreadable.get());
        }
        // Only the definition here: the release's document is read once, by the command's transaction.
        Optional<ReleaseDefinition> definition = releases.definitionOf(ref.releaseId());
        if (definition.isEmpty()) {
            return said(refusal("That release is no longer here."));
        }
        if (ref.digested()) {
            Optional<ActionRef> resolved = resolve(ref, definition.get());
            if (resolved.isEmpty()) {
                return said(refusal("That button names nothing this release has."));
            }
            ref = resolved.get();
            click = new Click(ref, click.value(), click.note());
        }
        Actor actor = actorFor.apply(definition.get().manifest());
        String id = ref.releaseId();
        String target = ref.target();
        return switch (ref.verb()) {
            case ITEM -> item(click, id, actor, idempotencyKey, origin);
            case PROBE -> releases.find(id).<Routed>map(r -> new Routed.Answered(probe(r, target, actor, idempotencyKey,
                    origin), true)).orElseGet(() -> said(refusal("That release is no longer here.")));
            case APPROVE, REJECT -> handle(new Command.CastVote(id, ref.target(), ref.verb() == ActionRef.Verb.APPROVE,
                    orEmpty(click.note())), actor, idempotencyKey, origin);
            case DECIDE, OVERRIDE -> {
                // The gate the button was for against the gate now: the one click that reads the document first.
                Optional<LoadedRelease> release = releases.find(id);
                if (release.isEmpty()) {
                    yield said(refusal("That release is no longer here."));
                }
                String now = release.get().definition().phase(release.get().release().phase()).label();
                yield ActionRef.phaseToken(now).equals(ref.target())
                        ? handle(new Command.Decide(id, ref.verb() == ActionRef.Verb.OVERRIDE, ""), actor, idempotencyKey,
                        origin)
                        : said(refusal("That button was for a gate already decided; the release is now at " + now + "."));
            }
            case CANCEL -> handle(new Command.Cancel(id, ""), actor, idempotencyKey, origin);
            case CONFIRM, RETRY -> handle(new Command.ActionStep(id, 0, ref.verb() == ActionRef.Verb.RETRY
                    ? Command.ActionStep.Kind.RETRY : Command.ActionStep.Kind.CONFIRM, orEmpty(click.note()), ""), actor,
                    idempotencyKey, origin);
            case ROLLBACK -> said(ChatCommands.answer(releases.handle(new CommandRequest(new Command.StartRollback(id, ""),
                    actor, idempotencyKey, origin))));
        };
    }

    private Routed item(Click click, String releaseId, Actor actor, String key, Origin origin) {
        String value = click.value();
        String itemId = click.ref().target();
        if ((value.equals("fail") || value.equals("note")) && click.note() == null) {
            return new Routed.NeedsNote(click.ref(), value);
        }
        if (value.equals("note")) {
            return handle(new Command.AddNote(releaseId, itemId, click.note()), actor, key, origin);
        }
        return handle(new Command.SetItem(releaseId, itemId, ItemState.parse(value), orEmpty(click.note())), actor, key,
                origin);
    }

    /** A target a platform carried as a digest (too long for its ids), matched to the release's own. */
    private static Optional<ActionRef> resolve(ActionRef ref, ReleaseDefinition definition) {
        List<String> candidates = switch (ref.verb()) {
            case ITEM -> definition.template().items().stream().map(i -> i.id()).toList();
            case PROBE -> definition.manifest().probes().keySet().stream().toList();
            case APPROVE, REJECT -> definition.manifest().roles().keySet().stream().toList();
            default -> List.of();
        };
        return candidates.stream().filter(ref::resolves).findFirst()
                .map(target -> new ActionRef(ref.releaseId(), ref.verb(), target));
    }

    /** What no item menu of Countdown sends, checked before anything is looked up. */
    private static Optional<String> unreadableValue(String value) {
        if (value == null) {
            return Optional.of("An item's click needs a value.");
        }
        if (value.equals("note")) {
            return Optional.empty();
        }
        try {
            ItemState.parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("Unknown value '" + Limits.shown(value) + "' for an item; expected pass, fail, n/a, "
                    + "blocked, pending or note.");
        }
    }

    /** Probes run before their results are recorded: a release of another venue is refused before they run. */
    private ChatCommands.Answer probe(LoadedRelease release, String target, Actor actor, String key, Origin origin) {
        Optional<String> elsewhere = Authorizer.venueRefusal(actor, release.release().startedBy());
        if (elsewhere.isPresent()) {
            return refusal(elsewhere.get());
        }
        List<String> names = target.equals(ActionRef.ALL_PROBES) ? List.of() : List.of(target);
        return probes.start(release.release().id(), names, actor, key, origin);
    }

    private Routed handle(Command command, Actor actor, String key, Origin origin) {
        ChatCommands.Answer answer = ChatCommands.answer(releases.handle(new CommandRequest(command, actor, key, origin)));
        return new Routed.Answered(answer, answer.refused());
    }

    private static Routed said(ChatCommands.Answer answer) {
        return new Routed.Answered(answer, true);
    }

    private static ChatCommands.Answer refusal(String text) {
        return new ChatCommands.Answer(text, true, Optional.empty());
    }

    private static String orEmpty(String note) {
        return note == null ? "" : note;
    }
}

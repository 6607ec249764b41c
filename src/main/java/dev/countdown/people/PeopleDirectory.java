package dev.countdown.people;

import dev.countdown.release.DisplayNames;
import dev.countdown.release.IdentitySource;
import dev.countdown.release.Limits;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names people go by, as their platforms say: views show these instead of the ids or handles
 * a request carried. A request only says who it wants named ({@link #want}); one worker asks the
 * platform afterwards, so no acknowledgement ever waits for a name. Names are kept in the database
 * and asked again after a day; a platform that cannot answer is asked again five minutes later.
 */
@Singleton
public class PeopleDirectory implements DisplayNames {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleDirectory.class);
    static final Duration FRESH = Duration.ofDays(1);
    static final Duration RETRY = Duration.ofMinutes(5);

    private final Map<IdentitySource, NameSource> sources;
    private final PersonNames store;
    private final Clock clock;
    private final Map<String, PersonName> known = new ConcurrentHashMap<>();
    private final Map<String, Instant> failed = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("names").factory());
    private volatile boolean loaded;

    public PeopleDirectory(List<NameSource> sources, PersonNames store, Clock clock) {
        this.sources = sources.stream().collect(Collectors.toMap(NameSource::source, Function.identity()));
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String of(IdentitySource source, String userId, String recorded) {
        if (!sources.containsKey(source)) {
            return recorded;
        }
        load();
        PersonName name = known.get(key(source, userId));
        if (name == null || stale(name)) {
            want(source, userId);
        }
        return name == null ? recorded : name.name();
    }

    /** Someone acted: make sure their name is known soon. Touches memory only; safe on the ack path. */
    public void want(IdentitySource source, String userId) {
        if (!sources.containsKey(source) || userId == null || userId.isBlank()) {
            return;
        }
        String key = key(source, userId);
        PersonName name = loaded ? known.get(key) : null;
        if (name != null && !stale(name) || !queued.add(key)) {
            return;
        }
        worker.submit(() -> {
            try {
                resolve(source, userId, key);
            } finally {
                queued.remove(key);
            }
        });
    }

    private void resolve(IdentitySource source, String userId, String key) {
        load();
        PersonName name = known.get(key);
        Instant lastFailure = failed.get(key);
        if (name != null && !stale(name) || lastFailure != null && lastFailure.plus(RETRY).isAfter(clock.instant())) {
            return;
        }
        try {
            Optional<String> answer = sources.get(source).nameOf(userId).filter(n -> !n.isBlank());
            if (answer.isPresent()) {
                failed.remove(key);
                save(source, userId, answer.get());
            } else {
                // Nobody by that id (left the workspace, another workspace's id): not asked again for a while.
                failed.put(key, clock.instant());
            }
        } catch (Exception e) {
            failed.put(key, clock.instant());
            LOG.info("{} could not say what {} is called now ({}); asking again in {} min", source.label(), userId,
                    e.toString(), RETRY.toMinutes());
        }
    }

    private void save(IdentitySource source, String userId, String name) {
        load();
        String key = key(source, userId);
        PersonName next = new PersonName(key, source.label(), userId, Limits.fit(name.strip(), Limits.DISPLAY_NAME),
                clock.instant());
        try {
            if (store.existsById(key)) {
                store.update(next);
            } else {
                store.save(next);
            }
        } catch (RuntimeException e) {
            // Another replica wrote it first, or the database is away: the name still shows from memory.
            LOG.debug("keeping the name of {} in memory only: {}", key, e.toString());
        }
        known.put(key, next);
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                try {
                    store.findAll().forEach(n -> known.put(n.id(), n));
                    loaded = true;
                } catch (RuntimeException e) {
                    // The database is away: views show the names as recorded until it is back.
                    LOG.debug("names not loaded: {}", e.toString());
                }
            }
        }
    }

    private boolean stale(PersonName name) {
        return name.resolvedAt().plus(FRESH).isBefore(clock.instant());
    }

    private static String key(IdentitySource source, String userId) {
        return source.label() + ":" + userId;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

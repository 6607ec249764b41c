package dev.countdown.web;

import jakarta.inject.Singleton;

/**
 * The one place the pages turn a person, as a release records them, into what a reader sees.
 * Today that is what the release holds (a display name when the platform gave one, else an id);
 * resolving ids to names through the platform belongs here and nowhere else on the pages.
 */
@Singleton
public class People {

    /** {@code who}: an actor's recorded name or a platform user id. */
    public String shown(String who) {
        return who == null ? "" : who;
    }
}

package dev.countdown.release;

/** The answer of a gate or of the release. */
public enum Outcome {
    GO, NO_GO;

    public String label() {
        return this == GO ? "GO" : "NO-GO";
    }
}

package dev.countdown.probe;

/**
 * One attempt of one manifest probe. Implementations report what they find as a {@link Finding};
 * anything they throw is turned into an ERROR by {@link ProbeRunner}, which also bounds their time,
 * retries them and redacts what they return.
 */
sealed interface Probe permits HttpProbe, TlsProbe, PrometheusProbe, SqlProbe, GithubActionsProbe {

    /** The request as written, for evidence even when the attempt never got an answer. */
    Evidence.Asked asked(AttemptContext context);

    Finding attempt(AttemptContext context) throws Exception;
}

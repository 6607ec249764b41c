package dev.countdown.probe;

/**
 * The manifest, once its secrets are resolved, or the release's version does not make a probe
 * that can run. The message is shown to people: it never holds a resolved secret.
 */
final class ProbeConfigurationException extends RuntimeException {

    ProbeConfigurationException(String message) {
        super(message);
    }
}

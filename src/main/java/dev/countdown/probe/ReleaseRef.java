package dev.countdown.probe;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts the release's version into a manifest's {@code ref}. The version comes from chat, so it is
 * checked against a strict shape before it goes anywhere near a URL, and it is never echoed back
 * in a message when it fails the check.
 */
final class ReleaseRef {

    static final String PLACEHOLDER = "{version}";
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private ReleaseRef() {
    }

    /** The ref as written, with {@code {version}} replaced by the checked version. */
    static String resolve(String writtenRef, Optional<String> version) {
        if (!writtenRef.contains(PLACEHOLDER)) {
            return writtenRef;
        }
        String checked = version.orElseThrow(() -> new ProbeConfigurationException(
                "ref " + writtenRef + " needs the release's version, and none was given"));
        if (!VERSION.matcher(checked).matches()) {
            throw new ProbeConfigurationException("the release's version is not a version: it must be a letter or digit"
                    + " followed by at most 63 letters, digits, '.', '_', '+' or '-'");
        }
        return writtenRef.replace(PLACEHOLDER, checked);
    }
}

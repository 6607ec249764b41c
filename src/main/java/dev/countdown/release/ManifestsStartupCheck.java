package dev.countdown.release;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the manifests' mistakes loud when the service starts rather than at the first
 * {@code /release start}: a manifests directory that is not there stops the start, naming the
 * setting and the path it resolved to; each problem of a manifest that cannot be used is logged as
 * {@code file:line: message}, while the services of the other manifests are served.
 */
@Context
class ManifestsStartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestsStartupCheck.class);

    private final ManifestRegistry registry;

    ManifestsStartupCheck(ManifestRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void check() {
        Path dir = registry.manifestsDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException("the manifests directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist")
                    + "; set COUNTDOWN_MANIFESTS_DIR (countdown.manifests-dir) to the directory of the release manifests");
        }
        List<String> problems = registry.problems();
        problems.forEach(problem -> LOG.warn("{}", problem));
        int usable = registry.all().size();
        if (usable == 0 && problems.isEmpty()) {
            LOG.warn("{}: no release manifest (*.yaml) here; no service can start a release", dir);
        } else {
            LOG.info("{}: {} release manifests can be used{}", dir, usable,
                    problems.isEmpty() ? "" : "; the problems above keep the others from being used");
        }
    }
}

package dev.countdown.store;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Makes the options Countdown needs part of how it connects: every data source's URL and driver
 * go through {@link DatabaseUrl} before the pool opens, whatever the user wrote.
 */
@Singleton
class DataSourceSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final String driverSetting;

    DataSourceSettings(@Value("${countdown.db.driver:}") String driverSetting) {
        this.driverSetting = driverSetting;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        // Micronaut has already filled an unset driver in from the URL; COUNTDOWN_DB_DRIVER, when set, is the user's word.
        Optional<String> driver = Optional.of(driverSetting).filter(d -> !d.isBlank())
                .or(() -> Optional.ofNullable(config.getConfiguredDriverClassName()));
        DatabaseUrl resolved = DatabaseUrl.of(config.getUrl(), driver);
        config.setUrl(resolved.url());
        config.setDriverClassName(resolved.driver());
        return config;
    }
}

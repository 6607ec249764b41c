package dev.countdown.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPlainH2UrlGetsWhatTheSchemaAndDurabilityNeed() {
        DatabaseUrl url = DatabaseUrl.of("jdbc:h2:file:/var/lib/countdown/db", Optional.empty());

        assertThat(url.url()).isEqualTo("jdbc:h2:file:/var/lib/countdown/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(url.driver()).isEqualTo(DatabaseUrl.H2_DRIVER);
        assertThat(url.embedded()).isTrue();
    }

    @Test
    void optionsAlreadyGivenAreKeptOnceWhateverTheirCase() {
        DatabaseUrl url = DatabaseUrl.of("jdbc:h2:mem:t;mode=postgresql;DB_CLOSE_DELAY=-1;write_delay=0;", Optional.empty());

        assertThat(url.url()).isEqualTo("jdbc:h2:mem:t;mode=postgresql;DB_CLOSE_DELAY=-1;write_delay=0;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void anOptionThatContradictsWhatCountdownNeedsIsRefusedWithWhatToChange() {
        assertThatThrownBy(() -> DatabaseUrl.of("jdbc:h2:file:./db;MODE=MySQL;WRITE_DELAY=500", Optional.empty()))
                .isInstanceOf(DatabaseUrl.Refused.class)
                .hasMessage("COUNTDOWN_DB_URL (datasources.default.url) sets MODE=MySQL (Countdown needs MODE=PostgreSQL), "
                        + "WRITE_DELAY=500 (Countdown needs WRITE_DELAY=0): remove these options and Countdown adds what it needs.");
    }

    @Test
    void aPostgresUrlGetsThePostgresDriverAndIsLeftAsItIs() {
        DatabaseUrl url = DatabaseUrl.of("jdbc:postgresql://db:5432/countdown?sslmode=require", Optional.of(""));

        assertThat(url.url()).isEqualTo("jdbc:postgresql://db:5432/countdown?sslmode=require");
        assertThat(url.driver()).isEqualTo(DatabaseUrl.POSTGRES_DRIVER);
        assertThat(url.embedded()).isFalse();
    }

    @Test
    void aDriverThatDoesNotMatchTheUrlIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.of("jdbc:postgresql://db/countdown?password=hunter2", Optional.of("org.h2.Driver")))
                .isInstanceOf(DatabaseUrl.Refused.class)
                .hasMessage("COUNTDOWN_DB_DRIVER (countdown.db.driver) is org.h2.Driver but the URL is "
                        + "a jdbc:postgresql: URL, which needs org.postgresql.Driver: unset COUNTDOWN_DB_DRIVER "
                        + "and the driver follows the URL.")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anotherDatabaseIsRefusedWithoutShowingItsCredentials() {
        assertThatThrownBy(() -> DatabaseUrl.of("jdbc:mysql://admin:hunter2@db/countdown", Optional.empty()))
                .isInstanceOf(DatabaseUrl.Refused.class)
                .hasMessage("COUNTDOWN_DB_URL (datasources.default.url) is a jdbc:mysql: URL: Countdown runs on PostgreSQL "
                        + "(jdbc:postgresql://HOST/DB) or its embedded H2 (jdbc:h2:file:PATH).");
    }
}

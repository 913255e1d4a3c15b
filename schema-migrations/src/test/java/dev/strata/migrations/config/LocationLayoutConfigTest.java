package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A location's own layout ({@code ?layout=} in {@code migrations.locations}) and skip_go_migrations. */
class LocationLayoutConfigTest {
    @TempDir
    Path dir;

    private static MigrationSettings fromEnvironment(Map<String, String> environment) {
        return ConfigLoader.load(Optional.empty(), environment, Optional.empty()).migrations();
    }

    @Test
    void aLocationNamingItsLayoutIsReadInItAndTheOthersInTheLayoutForAll() throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"), """
                [migrations]
                locations = ["filesystem:db/migration", "filesystem:db/legacy?layout=goose"]
                layout = "sqlx"
                """);

        MigrationSettings settings = ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty()).migrations();

        assertThat(settings.locations()).containsExactly(Location.parse("filesystem:db/migration"),
                Location.parse("filesystem:db/legacy"));
        assertThat(settings.layouts().of(Location.parse("filesystem:db/legacy"))).isEqualTo(Layout.GOOSE);
        assertThat(settings.layouts().of(Location.parse("filesystem:db/migration"))).isEqualTo(Layout.SQLX);
        assertThat(settings.layout()).isEqualTo(Layout.SQLX);
    }

    @Test
    void theEnvironmentVariableTakesTheSameSuffix() {
        MigrationSettings settings = fromEnvironment(Map.of("STRATA_MIGRATIONS__LOCATIONS",
                "filesystem:a?layout=popx,filesystem:b?layout=temporal-sql-tool"));

        assertThat(List.of(settings.layouts().of(Location.parse("filesystem:a")),
                settings.layouts().of(Location.parse("filesystem:b")))).containsExactly(Layout.POPX, Layout.TEMPORAL);
    }

    @Test
    void anUnknownLayoutInALocationIsAConfigurationErrorNamingTheEntryAndTheLayouts() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> fromEnvironment(
                Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:a?layout=flyway")));

        assertThat(e.getMessage()).contains("STRATA_MIGRATIONS__LOCATIONS").contains("'flyway'")
                .contains("strata, sqlx, golang-migrate, dbmate, diesel, goose, popx, temporal-sql-tool, auto");
    }

    @Test
    void goMigrationsAreRefusedUnlessSkippingIsAccepted() {
        assertThat(fromEnvironment(Map.of()).skipGoMigrations()).isFalse();
        assertThat(fromEnvironment(Map.of("STRATA_MIGRATIONS__SKIP_GO_MIGRATIONS", "true")).skipGoMigrations())
                .isTrue();
    }
}

package dev.strata.maven;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.NonTransactionalFiles;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generator goals read another tool's folder through {@code layout}, as {@code migrations.layout} does. */
class CodegenParametersTest {
    private static GenerateMojo mojo(String layout, String nonTransactional) {
        GenerateMojo mojo = new GenerateMojo();
        mojo.packageName = "com.example.db";
        mojo.locations = List.of(new File("db/migrations"));
        mojo.directory = new File("target/generated-sources/strata");
        mojo.schemas = List.of("public");
        mojo.layout = layout;
        mojo.nonTransactional = nonTransactional;
        return mojo;
    }

    @Test
    void layoutAndNonTransactionalReachTheGeneratorsSettings() throws MojoFailureException {
        assertThat(mojo("dbmate", "detect").settings().migrationSettings())
                .satisfies(settings -> {
                    assertThat(settings.layout()).isEqualTo(Layout.DBMATE);
                    assertThat(settings.nonTransactional()).isEqualTo(NonTransactionalFiles.DETECT);
                });
        assertThat(mojo("strata", "directive").settings().layout()).isEqualTo(Layout.STRATA);
    }

    @Test
    void anUnknownLayoutFailsTheBuildListingTheKnownOnes() {
        assertThatThrownBy(() -> mojo("flyway", "directive").settings())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("invalid code generation setting layout: 'flyway': expected one of " + Layout.names());
        assertThatThrownBy(() -> mojo("strata", "sometimes").settings())
                .hasMessage("invalid code generation setting nonTransactional: 'sometimes': expected directive or detect");
    }

    @Test
    void aLocationNamesItsOwnLayoutAsAMigrationsLocationsEntryDoes() throws MojoFailureException {
        GenerateMojo mojo = mojo("strata", "directive");
        mojo.locations = List.of(new File("db/migration"), new File("db/legacy?layout=sqlx"));

        MigrationSettings settings = mojo.settings().migrationSettings();

        Path legacy = Path.of(new File("db/legacy").getAbsolutePath()).normalize();
        assertThat(settings.locations()).containsExactly(
                new Location.Filesystem(Path.of(new File("db/migration").getAbsolutePath()).normalize()),
                new Location.Filesystem(legacy));
        assertThat(settings.layouts().of(new Location.Filesystem(legacy))).isEqualTo(Layout.SQLX);
        assertThat(settings.layouts().fallback()).isEqualTo(Layout.STRATA);
    }
}

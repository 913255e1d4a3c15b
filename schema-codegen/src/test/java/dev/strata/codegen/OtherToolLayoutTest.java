package dev.strata.codegen;

import dev.strata.migrations.core.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A project keeping another tool's folder (here dbmate's: up and down sections in one file, a
 * {@code transaction:false} marker) generates typed classes from it unchanged, given its layout.
 */
class OtherToolLayoutTest {
    @TempDir
    Path output;

    private static Path dbmateFolder() throws URISyntaxException {
        return Path.of(OtherToolLayoutTest.class.getResource("/fixture-dbmate").toURI());
    }

    @Test
    void aDbmateFolderGeneratesClassesFromItsUpSections() throws Exception {
        Path folder = dbmateFolder();
        CodegenSettings settings = TestFiles.settings(folder, output).withLayout(Layout.DBMATE);

        Regeneration.Result result = TestFiles.regeneration(settings, TestPostgres.databases()).regenerate(false);

        assertThat(result.outcome()).isEqualTo(Regeneration.Outcome.GENERATED);
        String warehouse = Files.readString(settings.packageDirectory().resolve("tables/Warehouse.java"));
        assertThat(warehouse).contains("public final TableField<WarehouseRecord, String> REGION");
        SchemaVersionSource.Recorded recorded = SchemaVersionSource.read(settings.packageDirectory()).orElseThrow();
        assertThat(recorded.latestVersion()).isEqualTo("20240302100000");
        assertThat(recorded.fingerprint())
                .isEqualTo(MigrationFingerprint.ofDirectories(List.of(folder), Layout.DBMATE).fingerprint());
        assertThat(Files.readString(settings.packageDirectory().resolve("SchemaVersion.java")))
                .contains("20240301090000_create_warehouses.sql", "20240302100000_index_warehouse_regions.sql");
    }

    @Test
    void theSameFolderReadAsStrataFilesIsRefusedNamingTheFiles() throws URISyntaxException, IOException {
        Path folder = dbmateFolder();

        assertThatThrownBy(() -> MigrationFingerprint.ofDirectories(List.of(folder)))
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("have problems")
                .hasMessageContaining("20240301090000_create_warehouses.sql");
    }

    /** The engine reads each location in its own layout; the generator reads the same locations the same way. */
    @Test
    void aSqlxFolderBesideAStrataFolderGeneratesWithALayoutPerLocation(@TempDir Path sqlx) throws IOException {
        Files.writeString(sqlx.resolve("20240401000000_create_supplier.up.sql"),
                "create table supplier (id bigint primary key, name text not null);\n");
        Files.writeString(sqlx.resolve("20240401000000_create_supplier.down.sql"), "drop table supplier;\n");
        CodegenSettings settings = TestFiles.settings(TestFiles.fixtureMigrations(), output)
                .withMigrationEntries(Path.of("/"), List.of(TestFiles.fixtureMigrations().toString(),
                        sqlx + "?layout=sqlx"));

        Regeneration.Result result = TestFiles.regeneration(settings, TestPostgres.databases()).regenerate(false);

        assertThat(result.outcome()).isEqualTo(Regeneration.Outcome.GENERATED);
        assertThat(settings.packageDirectory().resolve("tables/Supplier.java")).exists();
        assertThat(settings.packageDirectory().resolve("tables/Warehouse.java")).exists();
        SchemaVersionSource.Recorded recorded = SchemaVersionSource.read(settings.packageDirectory()).orElseThrow();
        assertThat(recorded.latestVersion()).isEqualTo("20240401000000");
        assertThat(recorded.fingerprint()).isEqualTo(MigrationFingerprint.of(settings).fingerprint());
        assertThat(Files.readString(settings.packageDirectory().resolve("SchemaVersion.java")))
                .contains("V1__create_warehouse.sql", "20240401000000_create_supplier.up.sql")
                .doesNotContain("create_supplier.down.sql");

        assertThatThrownBy(() -> MigrationFingerprint.of(settings.withMigrations(settings.migrations())))
                .as("one layout for both folders: the sqlx files are not Strata's names")
                .isInstanceOf(CodegenException.class)
                .hasMessageContaining("20240401000000_create_supplier.up.sql");
    }

    @Test
    void aLocationEntryNamingAnUnknownLayoutIsRefusedWithTheKnownOnes() {
        CodegenSettings settings = TestFiles.settings(TestFiles.fixtureMigrations(), output);

        assertThatThrownBy(() -> settings.withMigrationEntries(Path.of("/"), List.of("db/legacy?layout=flyway")))
                .isInstanceOf(CodegenException.class)
                .hasMessage("invalid code generation setting migration locations: db/legacy?layout=flyway")
                .satisfies(e -> assertThat(((CodegenException) e).hint()).contains("sqlx, golang-migrate"));
    }
}

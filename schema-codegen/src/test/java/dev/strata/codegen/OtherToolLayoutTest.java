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
}

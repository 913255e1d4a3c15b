package dev.strata.codegen;

import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Regeneration on generated fixture sources: unchanged inputs write nothing and start no server. */
class IncrementalRegenerationTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path output;
    @TempDir
    Path migrations;
    private CodegenSettings settings;

    @BeforeEach
    void generateOnce() throws IOException {
        TestFiles.copyTree(TestFiles.fixtureMigrations(), migrations);
        settings = TestFiles.settings(migrations, output);
        Regeneration.Result first = TestFiles.regeneration(settings, TestPostgres.databases()).regenerate(false);
        assertThat(first.outcome()).isEqualTo(Regeneration.Outcome.GENERATED);
        assertThat(first.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("no SchemaVersion.java"));
        assertThat(first.changed()).isEqualTo(first.files());
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, LONG_AGO);
            }
        }
    }

    @Test
    void unchangedMigrationsWriteNothingAndStartNoServer() {
        Map<String, TestFiles.Snapshot> before = TestFiles.snapshot(output);

        Regeneration.Result result = TestFiles.regeneration(settings, TestPostgres.noDatabaseExpected()).regenerate(false);

        assertThat(result.outcome()).isEqualTo(Regeneration.Outcome.UP_TO_DATE);
        assertThat(Regenerate.describe(result, settings)).matches(
                "Strata: com\\.example\\.inventory is up to date \\(version 2, fingerprint sha256:[0-9a-f]{12}…,"
                        + " jOOQ 3\\.19\\.\\d+, PostgreSQL \\d+\\.\\d+\\.\\d+\\): nothing written in \\d+\\.\\d\\d s\\.");
        assertThat(TestFiles.snapshot(output)).as("contents and modification times").isEqualTo(before);
    }

    @Test
    void forceRegeneratesTheSameBytesAndCountsNoChange() {
        Map<String, TestFiles.Snapshot> before = TestFiles.snapshot(output);

        Regeneration.Result result = TestFiles.regeneration(settings, TestPostgres.databases()).regenerate(true);

        assertThat(result.outcome()).isEqualTo(Regeneration.Outcome.GENERATED);
        assertThat(result.reason()).contains("regeneration forced");
        assertThat(result.changed()).isZero();
        Map<String, TestFiles.Snapshot> after = TestFiles.snapshot(output);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((path, snapshot) -> assertThat(snapshot.content()).as(path).isEqualTo(before.get(path).content()));
        assertThat(after.get("com/example/inventory/SchemaVersion.java").modified()).as("rewritten").isNotEqualTo(LONG_AGO);
    }

    @Test
    void aNewMigrationRegeneratesAndRecordsTheNewFingerprint() throws IOException {
        Files.writeString(migrations.resolve("V3__create_supplier.sql"),
                "CREATE TABLE supplier (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n");
        String before = SchemaVersionSource.read(settings.packageDirectory()).orElseThrow().fingerprint();

        Regeneration.Result result = TestFiles.regeneration(settings, TestPostgres.databases()).regenerate(false);

        assertThat(result.reason()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("the migrations changed (generated from version 2"));
        SchemaVersionSource.Recorded recorded = SchemaVersionSource.read(settings.packageDirectory()).orElseThrow();
        assertThat(recorded.latestVersion()).isEqualTo("3");
        assertThat(recorded.fingerprint()).isNotEqualTo(before)
                .isEqualTo(MigrationFingerprint.ofDirectories(List.of(migrations)).fingerprint());
        assertThat(settings.packageDirectory().resolve("tables/Supplier.java")).exists();
        assertThat(result.changed()).as("new and changed files only").isLessThan(result.files()).isPositive();

        assertThat(TestFiles.regeneration(settings, TestPostgres.noDatabaseExpected()).regenerate(false).outcome())
                .isEqualTo(Regeneration.Outcome.UP_TO_DATE);
    }

    @Test
    void changedSettingsRegenerate() {
        Regeneration excluding = TestFiles.regeneration(settings.withExcludes(List.of("stock_.*")),
                TestPostgres.noDatabaseExpected());
        assertThat(excluding.staleness(SchemaVersionSource.readText(settings.packageDirectory()), excluding.provenance()))
                .as("an exclude pattern is a setting").hasValueSatisfying(reason ->
                        assertThat(reason).startsWith("the generator settings changed"));

        Generator daos = new Generator().withGenerate(new Generate().withPojos(true).withDaos(true));
        CodegenSettings changed = settings.withJooq(Optional.of(daos));
        Regeneration.Result result = TestFiles.regeneration(changed, TestPostgres.databases()).regenerate(false);

        assertThat(result.reason()).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("the generator settings changed"));
        assertThat(changed.packageDirectory().resolve("tables/daos/WarehouseDao.java")).exists();
        assertThat(changed.packageDirectory().resolve("tables/pojos/Warehouse.java")).exists();
    }

    @Test
    void anotherJooqVersionInTheDescriptorMakesTheCodeStale() throws IOException {
        Path file = SchemaVersionSource.file(settings.packageDirectory());
        Files.writeString(file, Files.readString(file).replace(SchemaCodeGenerator.GENERATOR, "jOOQ 3.19.0"));
        Regeneration regeneration = TestFiles.regeneration(settings, TestPostgres.noDatabaseExpected());
        assertThat(regeneration.staleness(SchemaVersionSource.readText(settings.packageDirectory()),
                regeneration.provenance()))
                .contains("the generator changed (jOOQ 3.19.0 → " + SchemaCodeGenerator.GENERATOR + ")");
    }

    @Test
    void aMigrationRenamedWithinItsVersionMakesTheCodeStaleAlthoughTheFingerprintIsTheSame() throws IOException {
        Files.move(migrations.resolve("V2__create_stock_item.sql"), migrations.resolve("V2__create_stock.sql"));
        Regeneration regeneration = TestFiles.regeneration(settings, TestPostgres.noDatabaseExpected());
        SchemaVersionSource.Provenance renamed = regeneration.provenance();
        assertThat(renamed.migrations().fingerprint())
                .isEqualTo(SchemaVersionSource.read(settings.packageDirectory()).orElseThrow().fingerprint());

        assertThat(regeneration.staleness(SchemaVersionSource.readText(settings.packageDirectory()), renamed))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("SchemaVersion.java differs from what the migrations give"));
    }
}

package dev.strata.codegen;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Regenerate} on a copy of the committed sources: unchanged migrations write nothing and start no server. */
class IncrementalRegenerationTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final Pattern OWN_TIME = Pattern.compile("Regenerate finished in (\\d+\\.\\d+) s of its own time");

    @TempDir
    Path output;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyCommittedSources() throws IOException {
        TestFiles.copyTree(TestFiles.projectPaths().sourceRoot(), output);
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, LONG_AGO);
            }
        }
    }

    @Test
    void unchangedMigrationsWriteNothingAndStartNoServer() {
        Map<String, TestFiles.Snapshot> before = TestFiles.snapshot(output);

        int exit = run(TestPostgres.noDatabaseExpected(), "--output=" + output);

        assertThat(exit).as(err()).isEqualTo(Regenerate.OK);
        assertThat(out()).containsPattern("Generated code is up to date \\(version 12, fingerprint sha256:[0-9a-f]{12}…\\):"
                + " nothing written\\.");
        assertThat(TestFiles.snapshot(output)).as("contents and modification times").isEqualTo(before);
        assertThat(ownSeconds()).as("the tool's own time for a no-change run").isLessThan(2.0);
    }

    @Test
    void forceRegeneratesTheSameBytes() {
        Map<String, TestFiles.Snapshot> before = TestFiles.snapshot(output);

        int exit = run(TestPostgres.databases(), "--output=" + output, "--force");

        assertThat(exit).as(err()).isEqualTo(Regenerate.OK);
        assertThat(out()).contains("Regenerating com.example.platform.schema: --force given.");
        Map<String, TestFiles.Snapshot> after = TestFiles.snapshot(output);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((path, snapshot) -> assertThat(snapshot.content()).as(path).isEqualTo(before.get(path).content()));
        assertThat(after.get("com/example/platform/schema/SchemaVersion.java").modified()).as("rewritten").isNotEqualTo(LONG_AGO);
    }

    @Test
    void aNewMigrationRegeneratesAndRecordsTheNewFingerprint(@TempDir Path migrations) throws IOException {
        TestFiles.copyTree(TestFiles.projectPaths().migrations(), migrations);
        Files.writeString(migrations.resolve("V13__create_alerts.sql"),
                "CREATE TABLE alerts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message text NOT NULL);\n");
        String before = SchemaVersionSource.read(output).orElseThrow().fingerprint();

        int exit = run(TestPostgres.databases(), "--output=" + output, "--migrations=" + migrations);

        assertThat(exit).as(err()).isEqualTo(Regenerate.OK);
        assertThat(out()).contains("the migrations changed (generated from version 12");
        SchemaVersionSource.Recorded recorded = SchemaVersionSource.read(output).orElseThrow();
        assertThat(recorded.latestVersion()).isEqualTo("13");
        assertThat(recorded.fingerprint()).isNotEqualTo(before)
                .isEqualTo(MigrationFingerprint.ofDirectory(migrations).fingerprint());
        assertThat(CodegenPaths.packageDirectory(output).resolve("tables/Alerts.java")).exists();

        out.reset();
        assertThat(run(TestPostgres.noDatabaseExpected(), "--output=" + output, "--migrations=" + migrations))
                .isEqualTo(Regenerate.OK);
        assertThat(out()).contains("up to date (version 13,");
    }

    @Test
    void anotherJooqVersionInTheRecordedFingerprintClassMakesTheCodeStale() throws IOException {
        Path file = SchemaVersionSource.file(output);
        Files.writeString(file, Files.readString(file).replace(SchemaCodeGenerator.GENERATOR, "jOOQ 3.19.0"));
        assertThat(Regeneration.staleness(SchemaVersionSource.readText(output),
                MigrationFingerprint.ofDirectory(TestFiles.projectPaths().migrations())))
                .isEqualTo("the generator changed (jOOQ 3.19.0 → " + SchemaCodeGenerator.GENERATOR + ")");
    }

    @Test
    void aMigrationRenamedWithinItsVersionMakesTheCodeStaleAlthoughTheFingerprintIsTheSame(@TempDir Path migrations)
            throws IOException {
        TestFiles.copyTree(TestFiles.projectPaths().migrations(), migrations);
        Files.move(migrations.resolve("V12__add_file_garbage_collection_markers.sql"),
                migrations.resolve("V12__add_file_gc_markers.sql"));
        MigrationFingerprint renamed = MigrationFingerprint.ofDirectory(migrations);
        assertThat(renamed.fingerprint()).isEqualTo(SchemaVersionSource.read(output).orElseThrow().fingerprint());

        assertThat(Regeneration.staleness(SchemaVersionSource.readText(output), renamed))
                .startsWith("SchemaVersion.java differs from what the migrations give");
        assertThat(Regeneration.staleness(SchemaVersionSource.readText(output),
                MigrationFingerprint.ofDirectory(TestFiles.projectPaths().migrations()))).isNull();
    }

    private int run(MigratedDatabase.Factory databases, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--project-root=" + TestFiles.projectRoot();
        System.arraycopy(args, 0, all, 1, args.length);
        return Regenerate.run(all, databases, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private double ownSeconds() {
        Matcher matcher = OWN_TIME.matcher(out());
        assertThat(matcher.find()).as("the tool prints its own elapsed time: " + out()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

package dev.strata.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaVersionSourceTest {

    @Test
    void writtenClassIsReadBack(@TempDir Path root) {
        List<MigrationFingerprint.Entry> entries = List.of(
                new MigrationFingerprint.Entry("1", "V1__a.sql", "sha256:" + "a".repeat(64)),
                new MigrationFingerprint.Entry("1.1", "V1_1__b.sql", "sha256:" + "b".repeat(64)));
        MigrationFingerprint fingerprint = new MigrationFingerprint("1.1", MigrationFingerprint.digest(entries), entries);

        SchemaVersionSource.write(root, fingerprint, "jOOQ 9.9.9");

        assertThat(SchemaVersionSource.read(root)).contains(
                new SchemaVersionSource.Recorded("1.1", fingerprint.fingerprint(), "jOOQ 9.9.9"));
        assertThat(SchemaVersionSource.file(root)).hasFileName("SchemaVersion.java")
                .hasParent(root.resolve("com/example/platform/schema"));
        String text = SchemaVersionSource.render(fingerprint, "jOOQ 9.9.9");
        assertThat(text).contains("private static final String LATEST_VERSION = \"1.1\";")
                .contains("new SchemaMigration.Versioned(\"1.1\", \"V1_1__b.sql\",\n                    \"sha256:bbbb")
                .contains("public final class SchemaVersion implements SchemaDescriptor")
                .contains("public static final SchemaVersion INSTANCE = new SchemaVersion();")
                .doesNotContain("\r").doesNotContain("\t");
    }

    @Test
    void aMissingOrForeignFileRecordsNothing(@TempDir Path root) throws IOException {
        assertThat(SchemaVersionSource.read(root)).isEmpty();
        Files.createDirectories(SchemaVersionSource.file(root).getParent());
        Files.writeString(SchemaVersionSource.file(root), "package com.example.platform.schema; class SchemaVersion {}");
        assertThat(SchemaVersionSource.read(root)).isEmpty();
    }
}

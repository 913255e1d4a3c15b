package dev.strata.codegen;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationFingerprintTest {

    @Test
    void theFingerprintIsSha256OverVersionColonChecksumLinesThenRepeatableFileNameLines()
            throws NoSuchAlgorithmException {
        MigrationFingerprint fingerprint = MigrationFingerprint.ofDirectories(List.of(TestFiles.fixtureMigrations()));

        assertThat(fingerprint.latestVersion()).isEqualTo("2");
        assertThat(fingerprint.migrations()).hasSize(3);
        assertThat(fingerprint.migrations().get(1).script()).isEqualTo("V2__create_stock_item.sql");
        assertThat(fingerprint.migrations().get(2).script()).isEqualTo("R__stock_views.sql");
        assertThat(fingerprint.migrations().get(2).id()).isEqualTo(new MigrationId.Repeatable("R__stock_views.sql"));
        StringBuilder lines = new StringBuilder();
        fingerprint.migrations().forEach(m -> lines.append(m.id().versionNumber().map(Version::toString)
                        .orElse(m.script())).append(':')
                .append(m.checksum()).append('\n'));
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(fingerprint.fingerprint()).isEqualTo(expected);
        assertThat(fingerprint.shortFingerprint()).hasSize("sha256:".length() + 12);
    }

    @Test
    void editingAddingOrRemovingAFileChangesTheFingerprint(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("V1__a.sql"), "create table a (id int);\n");
        Files.writeString(directory.resolve("V2__b.sql"), "create table b (id int);\n");
        String original = MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint();

        Files.writeString(directory.resolve("V2__b.sql"), "create table b (id bigint);\n");
        String edited = MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint();
        Files.writeString(directory.resolve("V3__c.sql"), "create table c (id int);\n");
        String added = MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint();
        Files.delete(directory.resolve("V3__c.sql"));
        Files.writeString(directory.resolve("V2__b.sql"), "create table b (id int);\n");

        Files.writeString(directory.resolve("R__views.sql"), "create or replace view v as select 1;\n");
        String repeatableAdded = MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint();
        Files.writeString(directory.resolve("R__views.sql"), "create or replace view v as select 2;\n");
        String repeatableEdited = MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint();
        Files.delete(directory.resolve("R__views.sql"));

        assertThat(List.of(original, edited, added, repeatableAdded, repeatableEdited)).doesNotHaveDuplicates();
        assertThat(MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint()).isEqualTo(original);
        Files.writeString(directory.resolve("V2__b.sql"), "create table b (id int);\r\n");
        assertThat(MigrationFingerprint.ofDirectories(List.of(directory)).fingerprint())
                .as("CRLF is normalised by the engine, as for history checksums").isEqualTo(original);
    }

    @Test
    void unusableMigrationsStopTheGenerator(@TempDir Path directory) throws IOException {
        assertThatThrownBy(() -> MigrationFingerprint.ofDirectories(List.of(directory.resolve("missing"))))
                .isInstanceOf(CodegenException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> MigrationFingerprint.ofDirectories(List.of(directory)))
                .isInstanceOf(CodegenException.class).hasMessageContaining("no migrations");
        Files.writeString(directory.resolve("V1__a.sql"), "create table a (id int);\n");
        Files.writeString(directory.resolve("V1.0__again.sql"), "create table b (id int);\n");
        assertThatThrownBy(() -> MigrationFingerprint.ofDirectories(List.of(directory)))
                .isInstanceOf(CodegenException.class).hasMessageContaining("version 1 is used by two files");
    }
}

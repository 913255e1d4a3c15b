package dev.strata.cli;

import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata generate} on a project directory of its own: settings from strata.toml, generate, check. */
class GenerateCommandTest {
    @TempDir
    Path project;
    private Path config;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aProjectWithMigrations() throws IOException {
        Path migrations = Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__create_ticket.sql"),
                "CREATE TABLE ticket (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);\n");
        Files.writeString(migrations.resolve("V2__create_ticket_tag.sql"),
                "CREATE TABLE ticket_tag (ticket_id bigint NOT NULL REFERENCES ticket (id), tag text NOT NULL);\n"
                        + "CREATE TABLE scratch_notes (id int);\n");
        config = project.resolve("strata.toml");
        Files.writeString(config, """
                [migrations]
                locations = ["filesystem:db/migrations"]

                [codegen]
                package = "com.example.tickets"
                output = "src/generated/java"
                excludes = ["scratch_.*"]
                """);
    }

    @Test
    void generatesFromTheConfigFileThenChecksAndFindsAnEditedFile() throws IOException {
        assertThat(run("generate", "--config", config.toString())).as(stderr()).isZero();
        assertThat(stdout()).containsPattern("Strata: generated com\\.example\\.tickets: \\d+ files \\(\\d+ written\\)"
                + " from 2 migrations up to version 2 with jOOQ 3\\.19\\.\\d+ on PostgreSQL \\d+");
        Path generated = project.resolve("src/generated/java/com/example/tickets");
        assertThat(generated.resolve("SchemaVersion.java")).content()
                .contains("package com.example.tickets;", "implements SchemaDescriptor", "V2__create_ticket_tag.sql");
        assertThat(generated.resolve("tables/TicketTag.java")).exists();
        assertThat(generated.resolve("tables/ScratchNotes.java")).as("codegen.excludes").doesNotExist();

        out.reset();
        assertThat(run("generate", "--config", config.toString())).isZero();
        assertThat(stdout()).contains("Strata: com.example.tickets is up to date (version 2,");

        out.reset();
        assertThat(run("generate", "--check", "--config", config.toString())).as(stderr()).isZero();
        assertThat(stdout()).contains("match the migrations");

        Path ticket = generated.resolve("tables/Ticket.java");
        Files.writeString(ticket, Files.readString(ticket).replace("TITLE", "HEADLINE"));
        assertThat(run("generate", "--check", "--config", config.toString())).isEqualTo(ExitCode.VALIDATION_FAILED.code());
        assertThat(stderr()).contains("are stale: 1 file differ", "--- committed/tables/Ticket.java",
                "+++ regenerated/tables/Ticket.java", "strata generate --force --config " + config);
    }

    @Test
    void eachLocationIsReadInTheLayoutItNames() throws IOException {
        Path legacy = Files.createDirectories(project.resolve("db/legacy"));
        Files.writeString(legacy.resolve("20240501000000_create_label.up.sql"),
                "CREATE TABLE label (id int PRIMARY KEY, name text NOT NULL);\n");
        Files.writeString(legacy.resolve("20240501000000_create_label.down.sql"), "DROP TABLE label;\n");
        Files.writeString(config, Files.readString(config).replace("locations = [\"filesystem:db/migrations\"]",
                "locations = [\"filesystem:db/migrations\", \"filesystem:db/legacy?layout=sqlx\"]"));

        assertThat(run("generate", "--config", config.toString())).as(stderr()).isZero();

        Path generated = project.resolve("src/generated/java/com/example/tickets");
        assertThat(generated.resolve("tables/Label.java")).exists();
        assertThat(generated.resolve("SchemaVersion.java")).content()
                .contains("V2__create_ticket_tag.sql", "20240501000000_create_label.up.sql");
    }

    @Test
    void thePackageIsRequiredAndValidated() throws IOException {
        Files.writeString(config, "[migrations]\nlocations = [\"filesystem:db/migrations\"]\n");
        assertThat(run("generate", "--config", config.toString())).isEqualTo(ExitCode.USAGE.code());
        assertThat(stderr()).contains("strata generate needs the Java package to generate", "codegen.package");

        err.reset();
        assertThat(run("generate", "--package", "com.example-tickets", "--config", config.toString()))
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(stderr()).contains("invalid code generation setting package: com.example-tickets");
    }

    @Test
    void migrationsMustBeInADirectory() throws IOException {
        Files.writeString(config, "[migrations]\nlocations = [\"classpath:db/migration\"]\n");
        assertThat(run("generate", "--package", "a.b", "--config", config.toString())).isEqualTo(ExitCode.USAGE.code());
        assertThat(stderr()).contains("has no filesystem: location");

        Files.writeString(config, "[migrations]\nlocations = [\"filesystem:db/typo\"]\n");
        assertThat(run("generate", "--package", "a.b", "--config", config.toString())).isEqualTo(ExitCode.USAGE.code());
        assertThat(stderr()).contains("db/typo does not exist");
    }

    private int run(String... args) {
        SecretMasker masker = SecretMasker.from(Map.of(), args);
        return StrataMain.run(args, Map.of(), project,
                new PrintStream(new MaskingOutputStream(out, masker), true, StandardCharsets.UTF_8),
                new PrintStream(new MaskingOutputStream(err, masker), true, StandardCharsets.UTF_8), masker);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

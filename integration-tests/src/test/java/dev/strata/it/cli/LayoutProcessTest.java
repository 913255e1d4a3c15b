package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrations.layout} through the real jar: what auto detection says on stderr, and the mixture's exit code. */
@ExtendWith(FreshDatabase.class)
class LayoutProcessTest {
    @TempDir
    Path workingDirectory;

    private Map<String, String> environment(TestDatabase database, Path migrations, String layout) throws Exception {
        Map<String, String> environment = new HashMap<>(DeployerRole.create(database).environment(migrations));
        environment.put("STRATA_MIGRATIONS__LAYOUT", layout);
        return environment;
    }

    private Path migrations() throws IOException {
        return Files.createDirectories(workingDirectory.resolve("migrations"));
    }

    @Test
    void autoSaysOnStderrWhatItDetectedAndMigratesAndUndoesADbmateFolder(TestDatabase database) throws Exception {
        Path migrations = migrations();
        Files.writeString(migrations.resolve("20230301120000_projects.sql"),
                "-- migrate:up\ncreate table projects (id int);\n-- migrate:down\ndrop table projects;\n");
        Files.writeString(migrations.resolve("20230302120000_tasks.sql"),
                "-- migrate:up\ncreate table tasks (id int);\n-- migrate:down\ndrop table tasks;\n");
        Map<String, String> environment = environment(database, migrations, "auto");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stderr()).contains("layout auto: detected dbmate in filesystem:");
        assertThat(migrate.stdout()).contains("20230301120000_projects.sql", "20230302120000_tasks.sql")
                .doesNotContain("layout auto");

        StrataCli.Result undo = StrataCli.run(workingDirectory, environment, "undo");
        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        assertThat(undo.stdout()).contains("20230302120000_tasks.sql", "Schema is now at version 20230301120000.");
    }

    @Test
    void aMixtureExitsWithCode2NamingTheFilesAndAppliesNothing(TestDatabase database) throws Exception {
        Path migrations = migrations();
        Files.writeString(migrations.resolve("V1__projects.sql"), "create table projects (id int);\n");
        Files.writeString(migrations.resolve("2_tasks.up.sql"), "create table tasks (id int);\n");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment(database, migrations, "auto"),
                "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
        assertThat(migrate.stderr()).contains("files disagree", "V1__projects.sql", "2_tasks.up.sql",
                "set migrations.layout");
        StrataCli.Result status = StrataCli.run(workingDirectory, environment(database, migrations, "strata"),
                "status");
        assertThat(status.all()).doesNotContain("projects  applied");
    }

    @Test
    void aLocationNamesItsOwnLayoutAndPlanWarnsOfFilesAnotherOrderWouldMoveAndAGoStepExits4(TestDatabase database)
            throws Exception {
        Path strata = migrations();
        Path dbmate = Files.createDirectories(workingDirectory.resolve("legacy"));
        Files.writeString(strata.resolve("V1__projects.sql"), "create table projects (id int);\n");
        Files.writeString(dbmate.resolve("20230105000000_tasks.sql"), "-- migrate:up\ncreate table tasks (id int);\n");
        Files.writeString(dbmate.resolve("202301050000000500_notes.sql"),
                "-- migrate:up\ncreate table notes (id int);\n");
        Files.writeString(dbmate.resolve("20230106000000_tags.sql"), "-- migrate:up\ncreate table tags (id int);\n");
        Map<String, String> environment = environment(database, strata, "auto");
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + dbmate + "?layout=dbmate");

        StrataCli.Result plan = StrataCli.run(workingDirectory, environment, "plan");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stderr()).contains("warning: versions are compared as strings",
                "202301050000000500_notes.sql");
        assertThat(plan.stdout().indexOf("202301050000000500_notes.sql"))
                .isLessThan(plan.stdout().indexOf("20230106000000_tags.sql"));

        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + strata + ",filesystem:" + dbmate
                + "?layout=dbmate");
        Files.delete(dbmate.resolve("202301050000000500_notes.sql"));
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stderr()).contains("layout auto: detected strata in filesystem:");
        assertThat(migrate.stdout()).contains("V1__projects.sql", "20230105000000_tasks.sql", "20230106000000_tags.sql");

        Files.writeString(dbmate.resolve("20230107000000_backfill.go"), "package migrations\n");
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + dbmate + "?layout=goose");
        StrataCli.Result validate = StrataCli.run(workingDirectory, environment, "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(4);
        assertThat(validate.all()).contains("20230107000000_backfill.go (version 20230107000000) is a goose"
                + " migration written in Go, which Strata cannot run");
    }
}

package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's "CLI that knows the project" and issue 14 item 12: strata.toml found in the working directory,
 * {@code --locations}, {@code --classpath app.jar}, and locations that yield no file refused by name (exit 2).
 */
@ExtendWith(FreshDatabase.class)
class ProjectCliProcessTest {
    @TempDir
    Path project;

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static Map<String, String> url(DeployerRole role) {
        return new HashMap<>(Map.of("STRATA_DATABASE__URL", role.url()));
    }

    private static int count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void strataTomlInTheWorkingDirectoryIsFoundAndNamed(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write(project.resolve("db/migration/V1__jobs.sql"), "create table jobs (id int);\n");
        write(project.resolve("strata.toml"), "[database]\nurl = \"" + role.url() + "\"\n\n[migrations]\n"
                + "locations = [\"filesystem:db/migration\"]\n");

        StrataCli.Result migrate = StrataCli.run(project, Map.of(), "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stderr()).contains("Configuration: strata.toml (found in the working directory)");
        assertThat(migrate.stdout()).contains("Applied 1 migration in ", "Schema is now at version 1.");
        assertThat(count(database, "select count(*) from jobs")).isZero();
    }

    @Test
    void locationsOptionTakesCommasAndRepeatsAndBeatsTheConfiguration(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write(project.resolve("a/V1__one.sql"), "create table one (id int);\n");
        write(project.resolve("b/V2__two.sql"), "create table two (id int);\n");
        write(project.resolve("c/V3__three.sql"), "create table three (id int);\n");
        Map<String, String> environment = url(role);
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + project.resolve("not-used"));

        StrataCli.Result migrate = StrataCli.run(project, environment, "migrate",
                "--locations", "filesystem:a,filesystem:b", "--locations", "filesystem:c");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("V1__one.sql", "V2__two.sql", "V3__three.sql", "Applied 3 migrations");

        StrataCli.Result validate = StrataCli.run(project, environment, "validate",
                "--locations", "filesystem:a,filesystem:b,filesystem:c");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).contains("Validated 3 migrations against");

        StrataCli.Result one = StrataCli.run(project, environment, "validate", "--locations", "filesystem:a",
                "--locations", "filesystem:b");
        assertThat(one.exitCode()).as("V3 is applied but missing from these locations: " + one).isEqualTo(4);
    }

    @Test
    void validateOfOneMigrationSaysMigrationInTheSingular(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write(project.resolve("m/V1__one.sql"), "create table one (id int);\n");

        StrataCli.Result validate = StrataCli.run(project, url(role), "validate", "--locations", "filesystem:m");

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).contains("Validated 1 migration against").doesNotContain("1 migrations");
    }

    @Test
    void aLocationWithoutMigrationFilesIsAnErrorOnAFreshAndOnAMigratedDatabase(TestDatabase database)
            throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write(project.resolve("m/V1__one.sql"), "create table one (id int);\n");
        Files.createDirectories(project.resolve("empty"));
        Map<String, String> environment = url(role);

        for (String command : new String[] {"migrate", "status", "validate", "plan"}) {
            StrataCli.Result fresh = StrataCli.run(project, environment, command, "--locations", "filesystem:empty");
            assertThat(fresh.exitCode()).as(fresh.toString()).isEqualTo(2);
            assertThat(fresh.stderr()).contains("migration location filesystem:empty holds no migration file");
            assertThat(fresh.all()).doesNotContain("up to date", "version none");
        }
        StrataCli.Result typo = StrataCli.run(project, environment, "migrate", "--locations", "classpath:db/migrashun");
        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
        assertThat(typo.stderr()).contains("migration location classpath:db/migrashun is not on the class path");

        assertThat(StrataCli.run(project, environment, "migrate", "--locations", "filesystem:m").exitCode()).isZero();
        StrataCli.Result old = StrataCli.run(project, environment, "migrate",
                "--locations", "filesystem:m,filesystem:empty");
        assertThat(old.exitCode()).as(old.toString()).isEqualTo(2);
        assertThat(old.stderr()).contains("filesystem:empty holds no migration file");
    }

    @Test
    void symlinkedLocationsAndDirectoriesAreFollowedAndADanglingLinkIsNamed(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write(project.resolve("real/V1__one.sql"), "create table one (id int);\n");
        write(project.resolve("shared/V2__two.sql"), "create table two (id int);\n");
        Files.createSymbolicLink(project.resolve("real/shared"), project.resolve("shared"));
        Files.createSymbolicLink(project.resolve("linked"), project.resolve("real"));
        Map<String, String> environment = url(role);

        StrataCli.Result migrate = StrataCli.run(project, environment, "migrate", "--locations", "filesystem:linked");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("V1__one.sql", "V2__two.sql", "Applied 2 migrations");

        Files.createSymbolicLink(project.resolve("real/V3__three.sql"), project.resolve("deleted/V3__three.sql"));
        StrataCli.Result dangling = StrataCli.run(project, environment, "migrate", "--locations", "filesystem:linked");
        assertThat(dangling.exitCode()).as(dangling.toString()).isEqualTo(2);
        assertThat(dangling.stderr()).contains("holds a broken symbolic link: linked/V3__three.sql points at "
                + project.resolve("deleted/V3__three.sql") + ", which does not exist");
    }

    @Test
    void theSameLocationTwiceIsAnError(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        write(project.resolve("m/V1__one.sql"), "create table one (id int);\n");

        StrataCli.Result twice = StrataCli.run(project, url(role), "migrate",
                "--locations", "filesystem:m,filesystem:./m/");

        assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(2);
        assertThat(twice.stderr()).contains("lists the same location twice: 'filesystem:m' and 'filesystem:./m/'");
        assertThat(count(database, "select count(*) from pg_tables where tablename = 'one'")).isZero();
    }

    @Test
    void migrationsAreAppliedFromAnApplicationJarGivenWithClasspath(TestDatabase database) throws Exception {
        DeployerRole role = DeployerRole.create(database);
        Path jar = project.resolve("target/app.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries, as jar tools (Maven, Gradle, the JDK's jar) write them: class loaders find a
            // directory of a jar by its entry.
            for (String directory : new String[] {"com/", "com/example/", "db/", "db/migration/"}) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            entry(out, "com/example/App.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
            entry(out, "db/migration/V1__orders.sql",
                    "create table orders (id int);\n".getBytes(StandardCharsets.UTF_8));
            entry(out, "db/migration/V2__order_lines.sql",
                    "create table order_lines (order_id int);\n".getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> environment = url(role);

        StrataCli.Result migrate = StrataCli.run(project, environment, "migrate", "--classpath", "target/app.jar",
                "--locations", "classpath:db/migration");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("V1__orders.sql", "V2__order_lines.sql", "Applied 2 migrations");
        assertThat(count(database, "select count(*) from pg_tables where tablename in ('orders', 'order_lines')"))
                .isEqualTo(2);

        StrataCli.Result status = StrataCli.run(project, environment, "status", "--classpath", "target/app.jar");
        assertThat(status.exitCode()).as("classpath:db/migration is the default location: " + status).isZero();
        assertThat(status.stdout()).contains("2 migrations: 2 applied");

        StrataCli.Result wrongPath = StrataCli.run(project, environment, "status", "--classpath", "target/app.jar",
                "--locations", "classpath:db/migrations");
        assertThat(wrongPath.exitCode()).as(wrongPath.toString()).isEqualTo(2);
        assertThat(wrongPath.stderr()).contains("classpath:db/migrations is not on the class path");
    }

    private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(content);
        out.closeEntry();
    }
}

package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `strata adopt --from flyway` through the real jar, on a history written by real Flyway Community: the files are
 * migrated by Flyway's own Java API, then adopted, checked against Flyway's CRC32, and migrated on by Strata.
 */
@ExtendWith(FreshDatabase.class)
class AdoptFlywayProcessTest {
    @TempDir
    Path workingDirectory;

    private Path migrations;
    private DeployerRole role;

    @BeforeEach
    void files() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        // A BOM, CRLF line endings and non-ASCII text: Flyway's checksum must be recomputed exactly as Flyway does.
        write("V1__create_customers.sql", "\uFEFFcreate table customers (\r\n  id bigint primary key,\r\n"
                + "  name text not null -- « nom »\r\n);\r\n");
        write("V1_1__add_customer_email.sql", "alter table customers add column email text;\n\n");
        write("V2__create_orders.sql", "create table orders (id bigint primary key,\n"
                + "  customer_id bigint not null references customers (id));\n");
        write("R__customer_view.sql", "create or replace view customer_names as select name from customers;\n");
    }

    @Test
    void adoptsFlywaysHistoryAndMigrateAppliesOnlyTheNewerFile(TestDatabase database) throws Exception {
        Map<String, String> environment = flywayMigrates(database);

        StrataCli.Result dryRun = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway",
                "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.stdout()).contains("Would adopt", "V1__create_customers.sql", "V1_1__add_customer_email.sql",
                "V2__create_orders.sql", "R__customer_view.sql", "verified", "nothing was recorded");
        assertThat(count(database, "select count(*) from pg_tables where tablename = 'strata_schema_history'"))
                .isZero();

        StrataCli.Result adopt = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        assertThat(adopt.stdout()).contains("Recorded 4 rows", "left as it was");
        assertThat(rows(database, "select version || ' ' || type || ' ' || script from strata_schema_history"
                + " where version is not null order by installed_rank"))
                .containsExactly("1 ADOPTED V1__create_customers.sql", "1.1 ADOPTED V1_1__add_customer_email.sql",
                        "2 ADOPTED V2__create_orders.sql");
        // The original user and time, and where each row came from.
        assertThat(count(database, "select count(*) from strata_schema_history s join flyway_schema_history f"
                + " on f.script = s.script where s.installed_by = f.installed_by"
                + " and s.installed_at = f.installed_on::timestamptz and s.failure is null"
                + " and s.adopted_from like 'Flyway public.flyway_schema_history installed_rank %'")).isEqualTo(4);
        assertThat(count(database, "select count(*) from strata_schema_history where type = 'REPEATABLE'"))
                .isEqualTo(1);

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.stdout()).containsPattern("1\\s+create customers\\s+applied \\(adopted\\)")
                .containsPattern("2\\s+create orders\\s+applied \\(adopted\\).*Flyway public.flyway_schema_history"
                        + " installed_rank 3 \\(V2__create_orders.sql, type SQL\\): CRC32 -?\\d+ verified")
                .contains("Adopted from");

        StrataCli.Result again = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("Nothing to adopt");
        assertThat(count(database, "select count(*) from strata_schema_history")).isEqualTo(4);

        write("V3__add_order_total.sql", "alter table orders add column total numeric(12, 2);\n");
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("V3__add_order_total.sql")
                .doesNotContain("V1__", "V1_1__", "V2__", "R__customer_view.sql");
        assertThat(count(database, "select count(*) from information_schema.columns where table_name = 'orders'"
                + " and column_name = 'total'")).isEqualTo(1);
        assertThat(count(database, "select count(*) from flyway_schema_history")).isEqualTo(4);
    }

    @Test
    void anEditedFileIsCaughtByFlywaysChecksumAndNothingIsAdopted(TestDatabase database) throws Exception {
        Map<String, String> environment = flywayMigrates(database);
        // Line endings alone are not an edit, for Flyway nor for Strata.
        write("V1_1__add_customer_email.sql", "alter table customers add column email text;\r\n\r\n");
        write("V2__create_orders.sql", "create table orders (id bigint primary key,\n"
                + "  customer_id bigint references customers (id));\n");

        StrataCli.Result adopt = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway");
        assertThat(adopt.exitCode()).as(adopt.toString()).isEqualTo(4);
        assertThat(adopt.stderr()).contains("adoption refused, nothing was recorded",
                "edited after Flyway applied it", "V2__create_orders.sql", "--accept-edited")
                .doesNotContain("V1_1__add_customer_email.sql (version");
        assertThat(count(database, "select count(*) from pg_tables where tablename = 'strata_schema_history'"))
                .isZero();

        StrataCli.Result accepted = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway",
                "--accept-edited");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(rows(database, "select adopted_from from strata_schema_history where version = '2'"))
                .singleElement().asString().contains("edit accepted with --accept-edited");
        StrataCli.Result validate = StrataCli.run(workingDirectory, environment, "validate");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
    }

    @Test
    void aFailedFlywayMigrationRefusesWithFlywaysFix(TestDatabase database) throws Exception {
        Map<String, String> environment = flywayMigrates(database);
        write("V3__add_order_notes.sql", "alter table orders add column notes text;\n");
        // On PostgreSQL, Flyway rolls a failed migration back and writes no row, even for a non-transactional script;
        // on a database without transactional DDL it records the failure like this (success = false).
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("insert into flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) values (5, '3', 'add order notes', 'SQL',"
                    + " 'V3__add_order_notes.sql', 12345, '" + role.name() + "', 7, false)");
        }

        StrataCli.Result adopt = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway");
        assertThat(adopt.exitCode()).as(adopt.toString()).isEqualTo(4);
        assertThat(adopt.stderr()).contains("V3__add_order_notes.sql", "records a failed migration", "flyway repair");
        assertThat(count(database, "select count(*) from pg_tables where tablename = 'strata_schema_history'"))
                .isZero();
    }

    @Test
    void anAppliedVersionWithoutItsFileRefuses(TestDatabase database) throws Exception {
        Map<String, String> environment = flywayMigrates(database);
        Files.delete(migrations.resolve("V2__create_orders.sql"));

        StrataCli.Result adopt = StrataCli.run(workingDirectory, environment, "adopt", "--from", "flyway");
        assertThat(adopt.exitCode()).as(adopt.toString()).isEqualTo(4);
        assertThat(adopt.stderr()).contains("no migration file has version 2", "restore V2__create_orders.sql");
    }

    @Test
    void aFlywayBaselineBecomesAStrataBaseline(TestDatabase database) throws Exception {
        role = DeployerRole.create(database);
        try (Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), role.name(),
                role.password()); Statement statement = connection.createStatement()) {
            statement.execute("create table customers (id bigint primary key, name text not null)");
        }
        flyway(database, "1").migrate();

        StrataCli.Result adopt = StrataCli.run(workingDirectory, role.environment(migrations), "adopt", "--from",
                "flyway");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        assertThat(rows(database, "select version || ' ' || type from strata_schema_history"
                + " where version is not null order by installed_rank"))
                .containsExactly("1 BASELINE", "1.1 ADOPTED", "2 ADOPTED");
        StrataCli.Result status = StrataCli.run(workingDirectory, role.environment(migrations), "status");
        assertThat(status.stdout()).containsPattern("1\\s+\\S.*baseline");
    }

    @Test
    void aTableThatIsNotThereIsNamedWithTheOption(TestDatabase database) throws Exception {
        role = DeployerRole.create(database);
        StrataCli.Result adopt = StrataCli.run(workingDirectory, role.environment(migrations), "adopt", "--from",
                "flyway", "--table", "legacy.schema_version");
        assertThat(adopt.exitCode()).as(adopt.toString()).isEqualTo(4);
        assertThat(adopt.stderr()).contains("there is no table legacy.schema_version", "--table");

        StrataCli.Result unknownTool = StrataCli.run(workingDirectory, role.environment(migrations), "adopt",
                "--from", "liquibase");
        assertThat(unknownTool.exitCode()).as(unknownTool.toString()).isEqualTo(2);
        assertThat(unknownTool.stderr()).contains("flyway");
    }

    /** Flyway migrates the folder as the deployer role; the environment lets strata connect as the same role. */
    private Map<String, String> flywayMigrates(TestDatabase database) throws SQLException {
        role = DeployerRole.create(database);
        flyway(database).migrate();
        return role.environment(migrations);
    }

    private Flyway flyway(TestDatabase database) {
        return Flyway.configure().dataSource(database.jdbcUrl(), role.name(), role.password())
                .locations("filesystem:" + migrations).load();
    }

    private Flyway flyway(TestDatabase database, String baselineVersion) {
        return Flyway.configure().dataSource(database.jdbcUrl(), role.name(), role.password())
                .locations("filesystem:" + migrations).baselineOnMigrate(true).baselineVersion(baselineVersion)
                .load();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> rows(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}

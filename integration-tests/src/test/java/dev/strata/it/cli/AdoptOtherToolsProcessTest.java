package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata adopt --from sqlx} and {@code --from golang-migrate} through the real jar. The tools cannot run here:
 * the test runs the files and writes each tool's table as its code does (see AdoptOtherToolsTest for every tool).
 */
@ExtendWith(FreshDatabase.class)
class AdoptOtherToolsProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void sqlxHistoryIsAdoptedStatusSaysWhereEachRowCameFromAndMigrateAppliesOnlyTheNewFile(TestDatabase database)
            throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        DeployerRole role = DeployerRole.create(database);
        Files.writeString(migrations.resolve("20240105093000_create_users.sql"),
                "create table users (id bigint primary key);\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("20240106093000_create_orders.sql"),
                "create table orders (id bigint primary key);\n", StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), role.name(), role.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table _sqlx_migrations (version bigint primary key, description text not null,"
                    + " installed_on timestamptz not null default now(), success boolean not null,"
                    + " checksum bytea not null, execution_time bigint not null)");
            for (String name : new String[] {"20240105093000_create_users.sql", "20240106093000_create_orders.sql"}) {
                byte[] bytes = Files.readAllBytes(migrations.resolve(name));
                statement.execute(new String(bytes, StandardCharsets.UTF_8));
                try (PreparedStatement insert = connection.prepareStatement("insert into _sqlx_migrations (version,"
                        + " description, success, checksum, execution_time) values (?, ?, true, ?, 1500000)")) {
                    insert.setLong(1, Long.parseLong(name.substring(0, 14)));
                    insert.setString(2, name.substring(15, name.length() - 4).replace('_', ' '));
                    insert.setBytes(3, MessageDigest.getInstance("SHA-384").digest(bytes));
                    insert.executeUpdate();
                }
            }
        }
        Map<String, String> environment = role.environment(migrations);
        environment.put("STRATA_MIGRATIONS__LAYOUT", "sqlx");

        StrataCli.Result dryRun = StrataCli.run(workingDirectory, environment, "adopt", "--from", "sqlx", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.stdout()).contains("Would adopt sqlx's public._sqlx_migrations",
                "20240105093000_create_users.sql  ADOPTED, installed ", "; SHA-384 ", "verified",
                "nothing was recorded");
        assertThat(count(database, "select count(*) from pg_tables where tablename = 'strata_schema_history'"))
                .isZero();

        StrataCli.Result adopt = StrataCli.run(workingDirectory, environment, "adopt", "--from", "sqlx");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        assertThat(adopt.stdout()).contains("Recorded 2 rows",
                "sqlx's table public._sqlx_migrations was left as it was");

        Files.writeString(migrations.resolve("20240107093000_add_order_total.sql"),
                "alter table orders add column total numeric(12, 2);\n", StandardCharsets.UTF_8);
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("20240107093000_add_order_total.sql")
                .doesNotContain("create_users", "create_orders");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("Adopted from")
                .containsPattern("20240105093000\\s+create users\\s+applied \\(adopted\\).*sqlx"
                        + " public\\._sqlx_migrations version 20240105093000: SHA-384 [0-9a-f]{16}… verified")
                .containsPattern("20240107093000\\s+add order total\\s+applied\\s+\\S+ \\S+ UTC\\s+\\d+ ms\\n");
        StrataCli.Result json = StrataCli.run(workingDirectory, environment, "status", "--output", "json");
        assertThat(json.stdout()).contains("\"adoptedFrom\": \"sqlx public._sqlx_migrations version 20240106093000",
                "\"adoptedFrom\": null");
    }

    @Test
    void golangMigratesDirtyFlagRefusesWithItsFixAndRecordsNothing(TestDatabase database) throws Exception {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        DeployerRole role = DeployerRole.create(database);
        write(migrations, "000001_create_users.up.sql", "create table users (id bigint primary key);\n");
        write(migrations, "000001_create_users.down.sql", "drop table users;\n");
        write(migrations, "000002_create_orders.up.sql", "create table orders (id bigint primary key);\n");
        write(migrations, "000002_create_orders.down.sql", "drop table orders;\n");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), role.name(), role.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table users (id bigint primary key)");
            statement.execute("create table schema_migrations (version bigint not null primary key,"
                    + " dirty boolean not null)");
            statement.execute("insert into schema_migrations (version, dirty) values (2, true)");
        }
        Map<String, String> environment = role.environment(migrations);
        environment.put("STRATA_MIGRATIONS__LAYOUT", "golang-migrate");

        StrataCli.Result adopt = StrataCli.run(workingDirectory, environment, "adopt", "--from", "golang-migrate");
        assertThat(adopt.exitCode()).as(adopt.toString()).isEqualTo(4);
        assertThat(adopt.stderr()).contains("adoption refused, nothing was recorded", "version 2 is dirty",
                "`migrate force 2`");
        assertThat(count(database, "select count(*) from pg_tables where tablename = 'strata_schema_history'"))
                .isZero();

        StrataCli.Result unknown = StrataCli.run(workingDirectory, environment, "adopt", "--from", "liquibase");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("flyway, sqlx, golang-migrate, dbmate, diesel");
    }

    private static void write(Path directory, String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.adopt.AdoptionRefusedException;
import dev.strata.migrations.adopt.DbmateTool;
import dev.strata.migrations.adopt.DieselTool;
import dev.strata.migrations.adopt.GolangMigrateTool;
import dev.strata.migrations.adopt.GooseTool;
import dev.strata.migrations.adopt.HistoryAdoption;
import dev.strata.migrations.adopt.PopxTool;
import dev.strata.migrations.adopt.SourceTool;
import dev.strata.migrations.adopt.SqlxTool;
import dev.strata.migrations.adopt.TemporalTool;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.SchemaTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code strata adopt} from sqlx, golang-migrate, dbmate, diesel, goose, popx and temporal-sql-tool on a real
 * PostgreSQL. None of these tools runs here, so each test does what the tool does: it runs the files of a folder
 * written for these tests in the tool's layout, and writes the tool's history table exactly as the tool's code
 * defines it (columns, types, checksum).
 */
@ExtendWith(FreshDatabase.class)
class AdoptOtherToolsTest {
    @TempDir
    Path folder;

    // ---- sqlx: _sqlx_migrations, SHA-384 of each file as stored -------------------------------------------------

    /** sqlx's own DDL for PostgreSQL (sqlx-postgres, migrate.rs). */
    private static final String SQLX_TABLE = "create table if not exists _sqlx_migrations ("
            + " version bigint primary key, description text not null,"
            + " installed_on timestamptz not null default now(), success boolean not null,"
            + " checksum bytea not null, execution_time bigint not null)";

    private void sqlxFolder() throws IOException {
        // CRLF line endings: sqlx's checksum covers them, Strata's text does not; adoption must use the bytes.
        write("20240105093000_create_users.sql", "create table users (\r\n  id bigint primary key\r\n);\r\n");
        write("20240106093000_create_orders.sql", "create table orders (id bigint primary key,\n"
                + "  user_id bigint not null references users (id));\n");
    }

    /** What `sqlx migrate run` does for each file: run it, then record version, description and checksum. */
    private void sqlxApplies(TestDatabase database, boolean lastSucceeded) throws Exception {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(SQLX_TABLE);
            List<String> files = List.of("20240105093000_create_users.sql", "20240106093000_create_orders.sql");
            for (int i = 0; i < files.size(); i++) {
                String name = files.get(i);
                byte[] bytes = Files.readAllBytes(folder.resolve(name));
                statement.execute(new String(bytes, StandardCharsets.UTF_8));
                try (PreparedStatement insert = connection.prepareStatement("insert into _sqlx_migrations"
                        + " (version, description, success, checksum, execution_time) values (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, Long.parseLong(name.substring(0, name.indexOf('_'))));
                    insert.setString(2, name.substring(name.indexOf('_') + 1, name.length() - 4).replace('_', ' '));
                    insert.setBoolean(3, i < files.size() - 1 || lastSucceeded);
                    insert.setBytes(4, sha384(bytes));
                    insert.setLong(5, 3_250_000L);
                    insert.executeUpdate();
                }
            }
        }
    }

    @Test
    void sqlxHistoryIsVerifiedAdoptedOnceAndMigrateAppliesOnlyTheNewFile(TestDatabase database) throws Exception {
        sqlxFolder();
        sqlxApplies(database, true);

        AdoptionPlan dryRun = adoption(database, Layout.SQLX, new SqlxTool()).plan();
        assertThat(dryRun.canAdopt(false)).isTrue();
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();

        AdoptionPlan adopted = adoption(database, Layout.SQLX, new SqlxTool()).adopt(false);
        assertThat(adopted.adoptions()).extracting(AdoptionPlan.Adoption::check)
                .allMatch(check -> check.startsWith("SHA-384 ") && check.endsWith(" verified"));
        assertThat(rows(database, "select s.version || ' ' || s.type || ' ' || s.script || ' ' || s.execution_ms"
                + " from strata_schema_history s join _sqlx_migrations x on x.version::text = s.version"
                + " and x.installed_on = s.installed_at order by s.installed_rank"))
                .containsExactly("20240105093000 ADOPTED 20240105093000_create_users.sql 3",
                        "20240106093000 ADOPTED 20240106093000_create_orders.sql 3");
        assertThat(rows(database, "select adopted_from from strata_schema_history order by installed_rank"))
                .first().asString().startsWith("sqlx public._sqlx_migrations version 20240105093000: SHA-384 ");

        assertThat(adoption(database, Layout.SQLX, new SqlxTool()).adopt(false).adoptions()).isEmpty();
        assertMigrateAppliesOnly(database, Layout.SQLX, "20240107093000_add_order_total.sql",
                "alter table orders add column total numeric(12, 2);\n", 2);
        assertThat(Queries.queryLong(database, "select count(*) from _sqlx_migrations")).isEqualTo(2);
    }

    @Test
    void anEditedSqlxFileIsCaughtByItsChecksumAndNothingIsAdopted(TestDatabase database) throws Exception {
        sqlxFolder();
        sqlxApplies(database, true);
        write("20240106093000_create_orders.sql", "create table orders (id bigint primary key,\n"
                + "  user_id bigint references users (id));\n");

        assertThatThrownBy(() -> adoption(database, Layout.SQLX, new SqlxTool()).adopt(false))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("edited after sqlx applied it")
                .hasMessageContaining("20240106093000_create_orders.sql (version 20240106093000): sqlx recorded SHA-384")
                .hasMessageNotContaining("create_users");
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();

        assertThat(adoption(database, Layout.SQLX, new SqlxTool()).adopt(true).adoptions()).hasSize(2);
        assertThat(rows(database, "select adopted_from from strata_schema_history where version = '20240106093000'"))
                .singleElement().asString().contains("edit accepted with --accept-edited");
    }

    @Test
    void aFailedSqlxRowRefusesWithSqlxsFix(TestDatabase database) throws Exception {
        sqlxFolder();
        sqlxApplies(database, false);

        assertThatThrownBy(() -> adoption(database, Layout.SQLX, new SqlxTool()).adopt(false))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("version 20240106093000 (create orders) has success = false")
                .hasMessageContaining("fix and remove row from `_sqlx_migrations` table");
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();
    }

    // ---- golang-migrate: one row, the current version and its dirty flag ----------------------------------------

    /** golang-migrate's DDL for PostgreSQL (database/postgres). */
    private static final String GOLANG_MIGRATE_TABLE = "create table if not exists schema_migrations"
            + " (version bigint not null primary key, dirty boolean not null)";

    private void golangMigrateApplies(TestDatabase database, long version, boolean dirty) throws Exception {
        write("000001_create_users.up.sql", "create table users (id bigint primary key);\n");
        write("000001_create_users.down.sql", "drop table users;\n");
        write("000002_create_orders.up.sql", "create table orders (id bigint primary key);\n");
        write("000002_create_orders.down.sql", "drop table orders;\n");
        execute(database, "create table users (id bigint primary key)", "create table orders (id bigint primary key)",
                GOLANG_MIGRATE_TABLE, "insert into schema_migrations (version, dirty) values (" + version + ", "
                        + dirty + ")");
    }

    @Test
    void golangMigratesVersionIsAdoptedWithEveryFileUpToIt(TestDatabase database) throws Exception {
        golangMigrateApplies(database, 2, false);

        AdoptionPlan adopted = adoptsOnce(database, Layout.GOLANG_MIGRATE, new GolangMigrateTool());
        assertThat(adopted.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("000001", "000002");
        assertThat(rows(database, "select adopted_from from strata_schema_history order by installed_rank"))
                .containsOnly("golang-migrate public.schema_migrations at version 2: matched by version"
                        + " (golang-migrate records no checksum)");
        assertMigrateAppliesOnly(database, Layout.GOLANG_MIGRATE, "000003_add_order_total.up.sql",
                "alter table orders add column total numeric(12, 2);\n", 2);
    }

    @Test
    void golangMigratesDirtyFlagRefusesWithItsForceCommand(TestDatabase database) throws Exception {
        golangMigrateApplies(database, 2, true);

        assertThat(adoption(database, Layout.GOLANG_MIGRATE, new GolangMigrateTool()).plan().refusals())
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.message()).contains("version 2 is dirty");
                    assertThat(refusal.fix()).contains("`migrate force 2`");
                });
        assertThatThrownBy(() -> adoption(database, Layout.GOLANG_MIGRATE, new GolangMigrateTool()).adopt(true))
                .isInstanceOf(AdoptionRefusedException.class);
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();
    }

    // ---- dbmate: one row per applied file, the version as text ------------------------------------------------

    /** dbmate's DDL for PostgreSQL (pkg/driver/postgres). */
    private static final String DBMATE_TABLE = "create table if not exists schema_migrations"
            + " (version varchar(128) primary key)";

    private void dbmateApplies(TestDatabase database) throws Exception {
        write("20240105093000_create_users.sql", "-- migrate:up\ncreate table users (id bigint primary key);\n\n"
                + "-- migrate:down\ndrop table users;\n");
        write("20240106093000_create_orders.sql", "-- migrate:up\ncreate table orders (id bigint primary key);\n\n"
                + "-- migrate:down\ndrop table orders;\n");
        execute(database, "create table users (id bigint primary key)", "create table orders (id bigint primary key)",
                DBMATE_TABLE, "insert into schema_migrations (version) values ('20240105093000'), ('20240106093000')");
    }

    @Test
    void dbmatesRowsAreAdoptedAndMigrateAppliesOnlyTheNewFile(TestDatabase database) throws Exception {
        dbmateApplies(database);

        assertThat(adoptsOnce(database, Layout.DBMATE, new DbmateTool()).adoptions()).hasSize(2);
        assertMigrateAppliesOnly(database, Layout.DBMATE, "20240107093000_add_order_total.sql",
                "-- migrate:up\nalter table orders add column total numeric(12, 2);\n\n-- migrate:down\n"
                        + "alter table orders drop column total;\n", 2);
    }

    @Test
    void anAppliedDbmateVersionWithoutItsFileRefuses(TestDatabase database) throws Exception {
        dbmateApplies(database);
        Files.delete(folder.resolve("20240106093000_create_orders.sql"));

        assertThatThrownBy(() -> adoption(database, Layout.DBMATE, new DbmateTool()).adopt(true))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("dbmate's row version 20240106093000 is applied, but no migration file has"
                        + " version 20240106093000")
                .hasMessageContaining("restore 20240106093000_<name>.sql");
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();
    }

    @Test
    void aFileWhosePositionDependsOnTheVersionOrderIsNamedBeforeAdoption(TestDatabase database) throws Exception {
        dbmateApplies(database);
        // 18 digits: after the 14-digit versions as a number, before them as a string (dbmate's order).
        write("202401050930001234_add_index.sql", "-- migrate:up\ncreate index users_id on users (id);\n\n"
                + "-- migrate:down\ndrop index users_id;\n");

        assertThat(adoption(database, Layout.DBMATE, new DbmateTool()).readingNotes())
                .anySatisfy(note -> assertThat(note).contains("compared as strings")
                        .contains("202401050930001234_add_index.sql"));
    }

    // ---- diesel: one row per applied directory, with its run time ----------------------------------------------

    /** diesel's DDL for PostgreSQL (diesel_migrations, setup_migration_table). */
    private static final String DIESEL_TABLE = "create table if not exists __diesel_schema_migrations ("
            + " version varchar(50) primary key not null, run_on timestamp not null default current_timestamp)";

    @Test
    void dieselsRowsAreAdoptedWithTheirRunTime(TestDatabase database) throws Exception {
        write("2024-01-05-093000_create_users/up.sql", "create table users (id bigint primary key);\n");
        write("2024-01-05-093000_create_users/down.sql", "drop table users;\n");
        write("2024-01-06-093000_create_orders/up.sql", "create table orders (id bigint primary key);\n");
        write("2024-01-06-093000_create_orders/down.sql", "drop table orders;\n");
        execute(database, "create table users (id bigint primary key)", "create table orders (id bigint primary key)",
                DIESEL_TABLE, "insert into __diesel_schema_migrations (version, run_on) values"
                        + " ('20240105093000', '2024-01-05 09:31:00'), ('20240106093000', '2024-01-06 09:31:00')");

        assertThat(adoptsOnce(database, Layout.DIESEL, new DieselTool()).adoptions()).hasSize(2);
        assertThat(rows(database, "select s.script from strata_schema_history s join __diesel_schema_migrations d"
                + " on d.version = s.version and d.run_on::timestamptz = s.installed_at order by s.installed_rank"))
                .containsExactly("2024-01-05-093000_create_users/up.sql", "2024-01-06-093000_create_orders/up.sql");
        assertMigrateAppliesOnly(database, Layout.DIESEL, "2024-01-07-093000_add_order_total/up.sql",
                "alter table orders add column total numeric(12, 2);\n", 2);
    }

    @Test
    void filesReadWithAnotherLayoutRefuseWithTheSettingToChange(TestDatabase database) throws Exception {
        dbmateApplies(database);

        assertThatThrownBy(() -> adoption(database, Layout.STRATA, new DbmateTool()).adopt(false))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("set migrations.layout = \"dbmate\"");
    }

    // ---- goose: a log of rows, the latest per version_id decides ------------------------------------------------

    /** goose's DDL for PostgreSQL (its postgres dialect's CREATE TABLE of the version table). */
    private static final String GOOSE_TABLE = "create table goose_db_version ("
            + " id integer primary key generated by default as identity, version_id bigint not null,"
            + " is_applied boolean not null, tstamp timestamp not null default now())";

    private void gooseFolder() throws IOException {
        write("00001_create_users.sql", "-- +goose Up\ncreate table users (id bigint primary key);\n\n"
                + "-- +goose Down\ndrop table users;\n");
        write("00002_create_orders.sql", "-- +goose Up\ncreate table orders (id bigint primary key);\n\n"
                + "-- +goose Down\ndrop table orders;\n");
        write("00003_add_order_total.sql", "-- +goose Up\nalter table orders add column total numeric(12, 2);\n\n"
                + "-- +goose Down\nalter table orders drop column total;\n");
    }

    @Test
    void goosesAppliedVersionsAreAdoptedAndARolledBackOneIsLeftToMigrate(TestDatabase database) throws Exception {
        gooseFolder();
        // What goose does: its own version 0 row on creating the table, then a row per up; version 3 went up and
        // came down again (older goose logs the down as an is_applied = false row), so its column is gone.
        execute(database, GOOSE_TABLE, "create table users (id bigint primary key)",
                "create table orders (id bigint primary key)",
                "insert into goose_db_version (version_id, is_applied, tstamp) values (0, true, '2024-01-05 09:00:00'),"
                        + " (1, true, '2024-01-05 09:31:00'), (2, true, '2024-01-06 09:31:00'),"
                        + " (3, true, '2024-01-07 09:31:00'), (3, false, '2024-01-07 10:00:00')");

        AdoptionPlan adopted = adoption(database, Layout.GOOSE, new GooseTool()).adopt(false);
        assertThat(adopted.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("00001", "00002");
        assertThat(adopted.notes()).satisfiesExactly(
                note -> assertThat(note).contains("version_id 0", "not a migration"),
                note -> assertThat(note).contains("version_id 3: rolled back"));
        assertThat(rows(database, "select s.script || ' ' || s.adopted_from from strata_schema_history s"
                + " join goose_db_version g on g.version_id::text = ltrim(s.version, '0')"
                + " and g.tstamp::timestamptz = s.installed_at order by s.installed_rank"))
                .containsExactly("00001_create_users.sql goose public.goose_db_version version_id 1: matched by"
                                + " version (goose records no checksum)",
                        "00002_create_orders.sql goose public.goose_db_version version_id 2: matched by version"
                                + " (goose records no checksum)");
        assertThat(adoption(database, Layout.GOOSE, new GooseTool()).adopt(false).adoptions()).isEmpty();
        assertMigrateAppliesOnly(database, Layout.GOOSE, "00003_add_order_total.sql",
                "-- +goose Up\nalter table orders add column total numeric(12, 2);\n\n"
                        + "-- +goose Down\nalter table orders drop column total;\n", 2);
    }

    @Test
    void aGooseStepWrittenInGoIsRefusedByNameOrLeftOutWhenSkipped(TestDatabase database) throws Exception {
        gooseFolder();
        write("00004_backfill_totals.go", "package migrations\n");
        execute(database, GOOSE_TABLE, "create table users (id bigint primary key)",
                "create table orders (id bigint primary key, total numeric(12, 2))",
                "insert into goose_db_version (version_id, is_applied) values (0, true), (1, true), (2, true),"
                        + " (3, true), (4, true)");

        assertThatThrownBy(() -> adoption(database, Layout.GOOSE, new GooseTool()).adopt(false))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("goose's version_id 4 (row id 5) is applied, and its file"
                        + " 00004_backfill_totals.go is a step written in Go")
                .hasMessageContaining("set migrations.skip_go_migrations = true");
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();

        AdoptionPlan adopted = new HistoryAdoption(database.connectionSource(),
                settings(Layout.GOOSE).withSkipGoMigrations(true), getClass().getClassLoader(), new GooseTool(),
                new SchemaTable("public", GooseTool.DEFAULT_TABLE)).adopt(false);
        assertThat(adopted.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("00001", "00002", "00003");
        assertThat(adopted.notes()).anySatisfy(note -> assertThat(note).contains("version_id 4",
                "00004_backfill_totals.go is a step written in Go", "not recorded"));
        assertThat(new Migrator(database.connectionSource(), settings(Layout.GOOSE).withSkipGoMigrations(true))
                .plan().pending()).isEmpty();
    }

    // ---- popx: one row per applied version, compared as strings ------------------------------------------------

    /** popx's table for PostgreSQL: pop's schema_migration with the version_self column popx adds. */
    private static final String POPX_TABLE = "create table schema_migration (version varchar(48) not null,"
            + " version_self integer not null default 0)";

    @Test
    void popxsRowsAreAdoptedWithThePostgresFilesAndMigrateAppliesOnlyTheNewOne(TestDatabase database)
            throws Exception {
        write("20240105093000_create_users.up.sql", "create table users (id text primary key);\n");
        write("20240105093000_create_users.postgres.up.sql", "create table users (id uuid primary key);\n");
        write("20240105093000_create_users.mysql.up.sql", "create table users (id char(36) primary key);\n");
        write("20240105093000_create_users.down.sql", "drop table users;\n");
        write("20240106093000_create_orders.up.sql", "create table orders (id bigint primary key);\n");
        write("20240106093000_create_orders.down.sql", "drop table orders;\n");
        execute(database, "create table users (id uuid primary key)", "create table orders (id bigint primary key)",
                POPX_TABLE, "create unique index schema_migration_version_idx on schema_migration (version)",
                "insert into schema_migration (version) values ('20240105093000'), ('20240106093000')");

        AdoptionPlan adopted = adoptsOnce(database, Layout.POPX, new PopxTool());
        assertThat(adopted.adoptions()).extracting(AdoptionPlan.Adoption::script)
                .containsExactly("20240105093000_create_users.postgres.up.sql", "20240106093000_create_orders.up.sql");
        assertMigrateAppliesOnly(database, Layout.POPX, "20240107093000_add_order_total.up.sql",
                "alter table orders add column total numeric(12, 2);\n", 2);
    }

    // ---- temporal-sql-tool: schema_version's curr_version and the update log ------------------------------------

    /** temporal-sql-tool's DDL for PostgreSQL (its schema_version and schema_update_history). */
    private static final String TEMPORAL_TABLES = "create table schema_version (version_partition integer not null,"
            + " db_name varchar(255) not null, creation_time timestamp, curr_version varchar(64),"
            + " min_compatible_version varchar(64), primary key (version_partition, db_name));"
            + " create table schema_update_history (version_partition integer not null, year integer not null,"
            + " month integer not null, update_time timestamp not null, description varchar(255),"
            + " manifest_md5 varchar(64), new_version varchar(64), old_version varchar(64),"
            + " primary key (version_partition, year, month, update_time))";

    private void temporalFolder() throws IOException {
        write("v1.0/manifest.json", "{\"CurrVersion\": \"1.0\", \"MinCompatibleVersion\": \"1.0\","
                + " \"Description\": \"base tables\", \"SchemaUpdateCqlFiles\": [\"users.sql\", \"orders.sql\"]}");
        write("v1.0/users.sql", "create table users (id bigint primary key);\n");
        write("v1.0/orders.sql", "create table orders (id bigint primary key);\n");
    }

    private static String temporalAt(String version) {
        return "insert into schema_version values (0, current_database(), now(), '" + version + "', '1.0');"
                + " insert into schema_update_history values (0, 2024, 1, '2024-01-05 09:31:00', 'base tables', '',"
                + " '1.0', '0.0')";
    }

    @Test
    void temporalsVersionIsAdoptedWithEveryFileOfItsDirectoriesAndTheUpdateTime(TestDatabase database)
            throws Exception {
        temporalFolder();
        execute(database, "create table users (id bigint primary key)", "create table orders (id bigint primary key)",
                TEMPORAL_TABLES, temporalAt("1.0"));

        AdoptionPlan adopted = adoptsOnce(database, Layout.TEMPORAL, new TemporalTool());
        assertThat(adopted.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow() + " "
                + adoption.script())
                .containsExactly("1.0.1 v1.0/users.sql", "1.0.2 v1.0/orders.sql");
        assertThat(rows(database, "select s.version from strata_schema_history s join schema_update_history h"
                + " on h.update_time::timestamptz = s.installed_at order by s.installed_rank"))
                .containsExactly("1.0.1", "1.0.2");

        write("v1.1/manifest.json", "{\"CurrVersion\": \"1.1\", \"MinCompatibleVersion\": \"1.0\","
                + " \"Description\": \"order totals\", \"SchemaUpdateCqlFiles\": [\"total.sql\"]}");
        write("v1.1/total.sql", "alter table orders add column total numeric(12, 2);\n");
        assertThat(migrator(database, Layout.TEMPORAL).migrate().applied()).extracting(AppliedFile::script)
                .containsExactly("v1.1/total.sql");
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'orders' and column_name = 'total'")).isEqualTo(1);
    }

    @Test
    void aTemporalVersionWithoutItsDirectoryRefuses(TestDatabase database) throws Exception {
        temporalFolder();
        execute(database, "create table users (id bigint primary key)", "create table orders (id bigint primary key)",
                TEMPORAL_TABLES, temporalAt("1.1"));

        assertThatThrownBy(() -> adoption(database, Layout.TEMPORAL, new TemporalTool()).adopt(true))
                .isInstanceOf(AdoptionRefusedException.class)
                .hasMessageContaining("temporal-sql-tool's public.schema_version is at version 1.1, but no"
                        + " v1.1/manifest.json lists a file")
                .hasMessageContaining("restore the v1.1 directory");
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();
    }

    // ---- Strata's history table from before adopted_from ------------------------------------------------------

    @Test
    void aHistoryTableWithoutAdoptedFromIsReadAsItIsAndUpgradedOnItsNextWrite(TestDatabase database) throws Exception {
        String v1 = "create table users (id bigint primary key);\n";
        write("V1__create_users.sql", v1);
        String oldProvenance = "adopted from Flyway public.flyway_schema_history installed_rank 1 (V1__create_users.sql,"
                + " type SQL): CRC32 5 verified";
        // The table as Strata created it before the column existed; the adopted row kept its provenance in failure.
        execute(database, v1, "create table strata_schema_history (installed_rank integer primary key, version text,"
                        + " description text not null, type text not null, script text not null, checksum text not null,"
                        + " installed_by text not null default current_user, installed_at timestamptz not null"
                        + " default now(), execution_ms integer not null, success boolean not null, content text,"
                        + " failure text)",
                "insert into strata_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " execution_ms, success, failure) values (1, '1', 'create users', 'ADOPTED',"
                        + " 'V1__create_users.sql', '" + dev.strata.migrations.core.Checksum.of(v1) + "', 0, true, '"
                        + oldProvenance + "')");

        MigrationPlan before = migrator(database, Layout.STRATA).plan();
        assertThat(before.problems()).isEmpty();
        assertThat(before.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.adopted()).isTrue();
            assertThat(entry.adoptedFrom()).isEmpty();
        });
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'strata_schema_history' and column_name = 'adopted_from'")).isZero();

        write("V2__create_orders.sql", "create table orders (id bigint primary key);\n");
        assertThat(migrator(database, Layout.STRATA).migrate().applied()).extracting(AppliedFile::script)
                .containsExactly("V2__create_orders.sql");
        assertThat(rows(database, "select coalesce(adopted_from, '-') || ' | ' || coalesce(failure, '-')"
                + " from strata_schema_history order by installed_rank"))
                .containsExactly(oldProvenance + " | -", "- | -");
        assertThat(migrator(database, Layout.STRATA).plan().entries()).first()
                .satisfies(entry -> assertThat(entry.adoptedFrom()).contains(oldProvenance));
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /** Adds a file; {@code migrate} applies it alone, and status tells the adopted rows from the applied one. */
    private void assertMigrateAppliesOnly(TestDatabase database, Layout layout, String relative, String sql,
                                          int adopted) throws IOException {
        write(relative, sql);
        MigrateResult result = migrator(database, layout).migrate();
        assertThat(result.applied()).extracting(AppliedFile::script)
                .containsExactly(relative.endsWith("/up.sql") ? relative : relative.substring(relative.lastIndexOf('/')
                        + 1));
        assertThat(Queries.queryLong(database, "select count(*) from information_schema.columns"
                + " where table_name = 'orders' and column_name = 'total'")).isEqualTo(1);
        MigrationPlan status = migrator(database, layout).plan();
        assertThat(status.problems()).isEmpty();
        assertThat(status.entries()).filteredOn(PlanEntry::adopted).hasSize(adopted)
                .allMatch(entry -> entry.adoptedFrom().isPresent());
        assertThat(status.entries()).filteredOn(entry -> !entry.adopted()).singleElement()
                .satisfies(entry -> assertThat(entry.adoptedFrom()).isEmpty());
    }

    /** Adopts, then adopts again: the second run records nothing and says each row is in Strata's history. */
    private AdoptionPlan adoptsOnce(TestDatabase database, Layout layout, SourceTool tool) {
        AdoptionPlan first = adoption(database, layout, tool).adopt(false);
        AdoptionPlan again = adoption(database, layout, tool).adopt(false);
        assertThat(again.adoptions()).isEmpty();
        assertThat(again.notes()).hasSize(first.adoptions().size())
                .allMatch(note -> note.contains("already in Strata's history"));
        return first;
    }

    private MigrationSettings settings(Layout layout) {
        return MigrationSettings.defaults().withLocations(List.of(new Location.Filesystem(folder))).withLayout(layout);
    }

    private HistoryAdoption adoption(TestDatabase database, Layout layout, SourceTool tool) {
        return new HistoryAdoption(database.connectionSource(), settings(layout), getClass().getClassLoader(), tool,
                new SchemaTable("public", tool.defaultTable()));
    }

    private Migrator migrator(TestDatabase database, Layout layout) {
        return new Migrator(database.connectionSource(), settings(layout));
    }

    private void write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void execute(TestDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    private static byte[] sha384(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-384").digest(bytes);
    }
}

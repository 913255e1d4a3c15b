package dev.strata.migrations.adopt;

import dev.strata.migrations.history.ForeignHistoryTable;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.Layout;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.resolve.ResolvedMigrations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** How sqlx, golang-migrate, dbmate and diesel rows read, and what the shared planner makes of them. */
class SourceToolsTest {
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private static ResolvedMigration file(String version, String script, String content) {
        return new ResolvedMigration(Version.parse(version), "d" + version, script, "migrations/" + script, content,
                Checksum.of(content));
    }

    private static final ResolvedMigration V1 = file("1", "1_users.sql", "create table users (id int);\n");
    private static final ResolvedMigration V2 = file("2", "2_orders.sql", "create table orders (id int);\n");
    private static final ResolvedMigration V3 = file("3", "3_items.sql", "create table items (id int);\n");
    private static final ResolvedMigrations FILES = new ResolvedMigrations(List.of(V1, V2, V3), List.of());
    /** As stored: V1 with CRLF line endings, which Strata's text normalises away but sqlx's checksum does not. */
    private static final Map<String, byte[]> STORED = Map.of(
            V1.path(), "create table users (id int);\r\n".getBytes(StandardCharsets.UTF_8),
            V2.path(), V2.content().getBytes(StandardCharsets.UTF_8),
            V3.path(), V3.content().getBytes(StandardCharsets.UTF_8));
    private static final Function<ResolvedMigration, byte[]> BYTES = file -> STORED.get(file.path());

    private static byte[] sha384(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-384").digest(bytes);
    }

    private static AdoptionPlan plan(SourceTool tool, SourceHistory history, Layout layout) {
        return AdoptionPlanner.plan(tool, new SchemaTable("public", tool.defaultTable()), history, FILES, layout,
                BYTES, List.of());
    }

    @Test
    void sqlxChecksumIsTheSha384OfTheFileAsStored() {
        // The standard SHA-384 test vector.
        assertThat(ChecksumAlgorithm.SQLX_SHA384.of("", "abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(
                "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
    }

    @Test
    void sqlxRowsAreVerifiedByTheirChecksumWithTheFileBytesAsStored() throws Exception {
        SchemaTable table = new SchemaTable("public", "_sqlx_migrations");
        SourceHistory history = SqlxTool.interpret(table, List.of(
                new SqlxTool.Row(1, "users", INSTALLED, true, sha384(STORED.get(V1.path())), 4_500_000),
                new SqlxTool.Row(2, "orders", INSTALLED, true, sha384("create table orders (id bigint);\n"
                        .getBytes(StandardCharsets.UTF_8)), -1)));
        AdoptionPlan plan = plan(new SqlxTool(), history, Layout.SQLX);

        assertThat(plan.adoptions()).extracting(adoption -> adoption.type() + " " + adoption.version() + " "
                + adoption.source().executionMs().getAsInt()).containsExactly("ADOPTED 1 4", "ADOPTED 2 0");
        assertThat(plan.adoptions().get(0).provenance())
                .startsWith("sqlx public._sqlx_migrations version 1: SHA-384 ").endsWith(" verified");
        assertThat(plan.adoptions().get(0).source().installedOn()).contains(INSTALLED);
        assertThat(plan.adoptions().get(0).source().installedBy()).isEmpty();
        assertThat(plan.edited()).singleElement().satisfies(edited -> assertThat(edited.describe(plan.tool()))
                .contains("migrations/2_orders.sql (version 2): sqlx recorded SHA-384 ", "the file now has SHA-384 "));
        assertThat(plan.canAdopt(false)).isFalse();
        assertThat(plan.canAdopt(true)).isTrue();
    }

    @Test
    void aFailedSqlxRowRefusesWithSqlxsOwnFix() {
        SchemaTable table = new SchemaTable("public", "_sqlx_migrations");
        SourceHistory history = SqlxTool.interpret(table, List.of(
                new SqlxTool.Row(3, "items", INSTALLED, false, new byte[48], 0)));

        assertThat(history.applied()).isEmpty();
        assertThat(history.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.message()).contains("version 3", "success = false", "partially applied");
            assertThat(refusal.fix()).contains("fix and remove row from `_sqlx_migrations` table",
                    "delete from public._sqlx_migrations where version = 3");
        });
    }

    @Test
    void golangMigratesVersionCoversEveryFileUpToIt() {
        SchemaTable table = new SchemaTable("public", "schema_migrations");
        AdoptionPlan plan = plan(new GolangMigrateTool(), GolangMigrateTool.interpret(table,
                List.of(new GolangMigrateTool.Row(2, false)), FILES), Layout.GOLANG_MIGRATE);

        assertThat(plan.canAdopt(false)).isTrue();
        assertThat(plan.adoptions()).extracting(adoption -> adoption.version().toString()).containsExactly("1", "2");
        assertThat(plan.adoptions()).allSatisfy(adoption -> {
            assertThat(adoption.check()).isEqualTo("matched by version (golang-migrate records no checksum)");
            assertThat(adoption.source().installedOn()).isEmpty();
        });
        // Layout auto reads a golang-migrate folder as sqlx's: the same names, so it is accepted.
        assertThat(plan(new GolangMigrateTool(), GolangMigrateTool.interpret(table,
                List.of(new GolangMigrateTool.Row(2, false)), FILES), Layout.SQLX).refusals()).isEmpty();
    }

    @Test
    void golangMigratesDirtyFlagAMissingCurrentFileAndAnEmptyTable() {
        SchemaTable table = new SchemaTable("public", "schema_migrations");
        assertThat(GolangMigrateTool.interpret(table, List.of(new GolangMigrateTool.Row(3, true)), FILES).refusals())
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.message()).contains("version 3 is dirty",
                            "Dirty database version 3. Fix and force version.");
                    assertThat(refusal.fix()).contains("`migrate force 3`");
                });
        assertThat(GolangMigrateTool.interpret(table, List.of(new GolangMigrateTool.Row(7, false)), FILES)
                .refusals()).singleElement().satisfies(refusal ->
                assertThat(refusal.message()).contains("at version 7, but no migration file has version 7"));
        assertThat(GolangMigrateTool.interpret(table, List.of(new GolangMigrateTool.Row(1, false),
                new GolangMigrateTool.Row(2, false)), FILES).refusals()).singleElement().satisfies(refusal ->
                assertThat(refusal.message()).contains("holds 2 rows"));
        SourceHistory empty = GolangMigrateTool.interpret(table, List.of(), FILES);
        assertThat(empty.applied()).isEmpty();
        assertThat(empty.refusals()).isEmpty();
        assertThat(empty.notes()).singleElement().asString().contains("applied no migration");
    }

    @Test
    void dbmateRowsAreMatchedByVersionAndAMissingFileRefuses() {
        SchemaTable table = new SchemaTable("public", "schema_migrations");
        AdoptionPlan plan = plan(new DbmateTool(), DbmateTool.interpret(table, List.of("1", "3", "9")), Layout.DBMATE);

        assertThat(plan.adoptions()).extracting(adoption -> adoption.version().toString()).containsExactly("1", "3");
        assertThat(plan.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.message()).contains("dbmate's row version 9", "no migration file has version 9");
            assertThat(refusal.fix()).contains("restore 9_<name>.sql",
                    "delete from public.schema_migrations where version = '9'");
        });
        assertThat(DbmateTool.interpret(table, List.of("v1")).refusals()).hasSize(1);
    }

    @Test
    void dieselRowsKeepTheirRunTimeAndVersionsWithDashesMatch() {
        SchemaTable table = new SchemaTable("public", "__diesel_schema_migrations");
        AdoptionPlan plan = plan(new DieselTool(), DieselTool.interpret(table, List.of(
                new DieselTool.Row("1", INSTALLED), new DieselTool.Row("0-0-0-2", INSTALLED))), Layout.DIESEL);

        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.adoptions()).extracting(AdoptionPlan.Adoption::type)
                .containsExactly(MigrationType.ADOPTED, MigrationType.ADOPTED);
        assertThat(plan.adoptions()).allSatisfy(adoption ->
                assertThat(adoption.source().installedOn()).contains(INSTALLED));
        assertThat(plan.adoptions().get(1).provenance())
                .isEqualTo("diesel public.__diesel_schema_migrations version 0-0-0-2: matched by version (diesel"
                        + " records no checksum)");
    }

    @Test
    void eachToolNamesItsHistoryTable() {
        assertThat(SourceTool.all()).extracting(SourceTool::defaultTable).containsExactly("flyway_schema_history",
                "_sqlx_migrations", "schema_migrations", "schema_migrations", "__diesel_schema_migrations");
        // The one list of other tools' tables (diff leaves them out) holds every table adopt reads by default.
        assertThat(ForeignHistoryTable.defaultTableNames())
                .containsAll(SourceTool.all().stream().map(SourceTool::defaultTable).toList());
        assertThat(SourceTool.named("golang-migrate")).get().isInstanceOf(GolangMigrateTool.class);
        assertThat(SourceTool.named("liquibase")).isEmpty();
    }
}

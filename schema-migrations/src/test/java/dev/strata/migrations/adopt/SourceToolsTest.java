package dev.strata.migrations.adopt;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.history.ForeignHistoryTable;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.SkippedGoStep;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.core.VersionOrder;
import dev.strata.migrations.resolve.ResolvedMigrations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How sqlx, golang-migrate, dbmate, diesel, goose, popx and temporal-sql-tool rows read, and what the shared planner
 * makes of them.
 */
class SourceToolsTest {
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private static ResolvedMigration file(String version, String script, String content) {
        return new ResolvedMigration(new MigrationId.Versioned(Version.parse(version)), "d" + version, script,
                "migrations/" + script, content,
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

        assertThat(plan.adoptions())
                .extracting(adoption -> adoption.type() + " " + adoption.id().versionNumber().orElseThrow() + " "
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
        assertThat(plan.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("1", "2");
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

        assertThat(plan.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("1", "3");
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

    // ---- goose ----------------------------------------------------------------------------------------------

    private static GooseTool.Row goose(long id, long version, boolean applied) {
        return new GooseTool.Row(id, version, applied, INSTALLED.plusMinutes(id));
    }

    @Test
    void gooseLatestRowPerVersionDecidesAndVersionZeroIsGoosesOwnRow() {
        SchemaTable table = new SchemaTable("public", "goose_db_version");
        // 3 applied, rolled back, applied again; 2 applied then rolled back (older goose's is_applied = false row).
        SourceHistory history = GooseTool.interpret(table, List.of(goose(1, 0, true), goose(2, 1, true),
                goose(3, 3, true), goose(4, 2, true), goose(5, 3, false), goose(6, 2, false), goose(7, 3, true)));

        assertThat(history.refusals()).isEmpty();
        assertThat(history.applied()).extracting(migration -> migration.version() + " "
                + migration.installedOn().orElseThrow().getMinute())
                .containsExactly("1 32", "3 37");
        assertThat(history.notes()).hasSize(2);
        assertThat(history.notes().get(0)).contains("version_id 0", "the row goose writes when it creates");
        assertThat(history.notes().get(1)).contains("version_id 2: rolled back", "id 6", "is_applied = false");

        AdoptionPlan plan = plan(new GooseTool(), history, Layout.GOOSE);
        assertThat(plan.canAdopt(false)).isTrue();
        assertThat(plan.adoptions())
                .extracting(adoption -> adoption.id().versionNumber().orElseThrow() + " " + adoption.check())
                .containsExactly("1 matched by version (goose records no checksum)",
                        "3 matched by version (goose records no checksum)");
        assertThat(plan(new GooseTool(), history, Layout.DBMATE).refusals()).singleElement()
                .satisfies(refusal -> assertThat(refusal.fix()).contains("migrations.layout = \"goose\""));
    }

    @Test
    void anAppliedGooseVersionWithoutItsFileRefusesWithTheDeleteThatFitsGoosesTable() {
        SchemaTable table = new SchemaTable("public", "goose_db_version");
        AdoptionPlan plan = plan(new GooseTool(), GooseTool.interpret(table, List.of(goose(1, 0, true),
                goose(2, 1, true), goose(3, 9, true))), Layout.GOOSE);

        assertThat(plan.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.message()).contains("goose's version_id 9 (row id 3) is applied, but no migration"
                    + " file has version 9");
            assertThat(refusal.fix()).contains("restore 9_<name>.sql",
                    "delete from public.goose_db_version where version_id = 9");
        });
    }

    @Test
    void aGooseVersionWrittenInGoIsLeftOutWhenSkippedAndRefusedOtherwise() {
        SchemaTable table = new SchemaTable("public", "goose_db_version");
        SourceHistory history = GooseTool.interpret(table, List.of(goose(1, 1, true), goose(2, 4, true)));
        ResolvedMigrations skipping = new ResolvedMigrations(List.of(V1, V2, V3), List.of(), List.of(), List.of(),
                List.of(), VersionOrder.NUMERIC,
                List.of(new SkippedGoStep("migrations/4_backfill.go", Version.parse("4"), Layout.GOOSE)));
        AdoptionPlan skipped = AdoptionPlanner.plan(new GooseTool(), table, history, skipping, Layout.GOOSE, BYTES,
                List.of());

        assertThat(skipped.refusals()).isEmpty();
        assertThat(skipped.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("1");
        assertThat(skipped.notes()).singleElement().asString().contains("version_id 4",
                "migrations/4_backfill.go is a step written in Go", "not recorded");

        ResolvedMigrations refusing = new ResolvedMigrations(List.of(V1, V2, V3), List.of(new Problem(
                ProblemKind.GO_MIGRATION, "4_backfill.go", Optional.of(Version.parse("4")), "a Go step", "")));
        AdoptionPlan refused = AdoptionPlanner.plan(new GooseTool(), table, history, refusing, Layout.GOOSE, BYTES,
                List.of());
        assertThat(refused.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.message()).contains("4_backfill.go is a step written in Go");
            assertThat(refusal.fix()).contains("migrations.skip_go_migrations = true");
        });
    }

    // ---- popx -----------------------------------------------------------------------------------------------

    @Test
    void popxRowsAreAdoptedInStringOrderAsPopxAppliesThem() {
        SchemaTable table = new SchemaTable("public", "schema_migration");
        ResolvedMigration longer = file("202401050930001234", "202401050930001234_index.up.sql", "select 1;\n");
        ResolvedMigration shorter = file("20240106093000", "20240106093000_orders.up.sql", "select 2;\n");
        ResolvedMigrations files = new ResolvedMigrations(List.of(longer, shorter), List.of(), List.of(),
                List.of(), List.of(), VersionOrder.STRING);
        SourceHistory history = PopxTool.interpret(table, List.of("20240106093000", "202401050930001234"),
                VersionOrder.STRING);
        AdoptionPlan plan = AdoptionPlanner.plan(new PopxTool(), table, history, files, Layout.POPX,
                file -> file.content().getBytes(StandardCharsets.UTF_8), List.of());

        assertThat(plan.refusals()).isEmpty();
        // As strings "2024010509300012…" comes before "20240106…"; as numbers it would come after.
        assertThat(plan.adoptions()).extracting(adoption -> adoption.id().versionNumber().orElseThrow().toString())
                .containsExactly("202401050930001234", "20240106093000");
        assertThat(PopxTool.interpret(table, List.of("20240106093000"), VersionOrder.STRING).applied())
                .singleElement().satisfies(migration -> assertThat(migration.missingFileFix())
                        .contains("delete from public.schema_migration where version = '20240106093000'"));
        assertThat(PopxTool.interpret(table, List.of("add_users"), VersionOrder.STRING).refusals())
                .singleElement().satisfies(refusal -> assertThat(refusal.message()).contains("'add_users'"));
    }

    // ---- temporal-sql-tool ------------------------------------------------------------------------------------

    private static final ResolvedMigrations TEMPORAL_FILES = new ResolvedMigrations(List.of(
            file("1.0.1", "v1.0/schema.sql", "create table a (id int);\n"),
            file("1.0.2", "v1.0/index.sql", "create index a_id on a (id);\n"),
            file("1.1.1", "v1.1/b.sql", "create table b (id int);\n"),
            file("1.10.1", "v1.10/c.sql", "create table c (id int);\n")), List.of());

    @Test
    void temporalsCurrentVersionCoversEveryDirectoryUpToItByNumber() {
        SchemaTable table = new SchemaTable("public", "schema_version");
        SourceHistory history = TemporalTool.interpret(table, List.of(new TemporalTool.Row("visibility", "1.10"),
                        new TemporalTool.Row("temporal", "1.1")), "temporal",
                List.of(new TemporalTool.Update("1.0", INSTALLED), new TemporalTool.Update("1.1",
                        INSTALLED.plusDays(1))), TEMPORAL_FILES);

        assertThat(history.refusals()).isEmpty();
        // 1.10 is after 1.1 as temporal-sql-tool compares versions (numbers), though "1.10" < "1.1x" as text.
        assertThat(history.applied()).extracting(migration -> migration.version() + " "
                + migration.installedOn().orElseThrow().getDayOfMonth())
                .containsExactly("1.0.1 1", "1.0.2 1", "1.1.1 2");
        assertThat(history.applied()).first().extracting(SourceMigration::origin)
                .isEqualTo("temporal-sql-tool public.schema_version (db_name temporal) at version 1.1");
    }

    @Test
    void temporalsRowRefusesWhenItNamesNoDirectoryOrNotThisDatabase() {
        SchemaTable table = new SchemaTable("public", "schema_version");
        assertThat(TemporalTool.interpret(table, List.of(new TemporalTool.Row("temporal", "1.2")), "temporal",
                List.of(), TEMPORAL_FILES).refusals()).singleElement().satisfies(refusal -> {
                    assertThat(refusal.message()).contains("at version 1.2, but no v1.2/manifest.json lists a file");
                    assertThat(refusal.fix()).contains("restore the v1.2 directory");
                });
        assertThat(TemporalTool.interpret(table, List.of(new TemporalTool.Row("a", "1.0"),
                new TemporalTool.Row("b", "1.0")), "temporal", List.of(), TEMPORAL_FILES).refusals())
                .singleElement().satisfies(refusal -> assertThat(refusal.message())
                        .contains("rows for the databases a, b, none of them this database (temporal)"));
        assertThat(TemporalTool.interpret(table, List.of(new TemporalTool.Row("temporal", "one")), "temporal",
                List.of(), TEMPORAL_FILES).refusals()).singleElement().satisfies(refusal ->
                assertThat(refusal.message()).contains("curr_version 'one'"));
        SourceHistory setUp = TemporalTool.interpret(table, List.of(new TemporalTool.Row("temporal", "0.0")),
                "temporal", List.of(), TEMPORAL_FILES);
        assertThat(setUp.applied()).isEmpty();
        assertThat(setUp.refusals()).isEmpty();
        assertThat(setUp.notes()).singleElement().asString().contains("where setup-schema starts");
    }

    @Test
    void eachToolNamesItsHistoryTable() {
        assertThat(SourceTool.all()).extracting(SourceTool::defaultTable).containsExactly("flyway_schema_history",
                "_sqlx_migrations", "schema_migrations", "schema_migrations", "__diesel_schema_migrations",
                "goose_db_version", "schema_migration", "schema_version");
        // The one list of other tools' tables (diff leaves them out) holds every table adopt reads by default.
        assertThat(ForeignHistoryTable.defaultTableNames())
                .containsAll(SourceTool.all().stream().map(SourceTool::defaultTable).toList());
        assertThat(SourceTool.named("golang-migrate")).get().isInstanceOf(GolangMigrateTool.class);
        assertThat(SourceTool.named("temporal-sql-tool")).get().isInstanceOf(TemporalTool.class);
        assertThat(SourceTool.named("liquibase")).isEmpty();
    }
}

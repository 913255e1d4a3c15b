package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.MigrationState;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.resolve.ResolvedMigrations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared planner, fed by Flyway's reading of its rows (see {@link SourceToolsTest} for the other tools). */
class AdoptionPlannerTest {
    private static final SchemaTable SOURCE = new SchemaTable("public", "flyway_schema_history");
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    private static final Function<ResolvedMigration, byte[]> STORED =
            file -> file.content().getBytes(StandardCharsets.UTF_8);
    private static final FlywayTool FLYWAY = new FlywayTool();

    private static ResolvedMigration file(String version, String content) {
        String script = "V" + version + "__t" + version + ".sql";
        return new ResolvedMigration(new MigrationId.Versioned(Version.parse(version)), "t" + version, script, "db/"
                + script, content,
                Checksum.of(content));
    }

    private static ResolvedMigration repeatable(String content) {
        return new ResolvedMigration(new MigrationId.Repeatable("R__views.sql"), "views", "R__views.sql",
                "db/R__views.sql", content, Checksum.of(content));
    }

    private static FlywayRow row(int rank, String version, String type, String script, Optional<Integer> crc,
                                 boolean success) {
        return new FlywayRow(rank, Optional.ofNullable(version), "d", type, script, crc, "deploy", INSTALLED, 5,
                success);
    }

    private static FlywayRow applied(int rank, ResolvedMigration file) {
        return row(rank, file.id().versionNumber().orElseThrow().toString(), "SQL", file.script(),
                Optional.of(FlywayChecksum.of(file.content())), true);
    }

    private static AdoptionPlan plan(List<FlywayRow> rows, ResolvedMigrations files, List<HistoryRow> strata) {
        return AdoptionPlanner.plan(FLYWAY, SOURCE, FlywayTool.interpret(SOURCE, rows), files, Layout.STRATA, STORED,
                strata);
    }

    @Test
    void verifiedRowsBecomeAdoptedRowsThatThePlannerReadsAsApplied() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        ResolvedMigration v2 = file("2", "create table b (id int);\n");
        ResolvedMigration v3 = file("3", "create table c (id int);\n");
        ResolvedMigrations files = new ResolvedMigrations(List.of(v1, v2, v3), List.of());
        AdoptionPlan plan = plan(List.of(applied(1, v1), applied(2, v2)), files, List.of());

        assertThat(plan.canAdopt(false)).isTrue();
        assertThat(plan.adoptions()).extracting(AdoptionPlan.Adoption::type)
                .containsExactly(MigrationType.ADOPTED, MigrationType.ADOPTED);
        assertThat(plan.adoptions().get(0).provenance())
                .startsWith("Flyway public.flyway_schema_history installed_rank 1 (V1__t1.sql, type SQL): CRC32 ")
                .endsWith("verified");

        List<HistoryRow> history = plan.adoptions().stream().map(adoption -> new HistoryRow(
                adoption.source().order(), adoption.id(), adoption.description(), adoption.type(),
                adoption.script(), adoption.checksum(), "deploy", INSTALLED, 5, true,
                Optional.of(adoption.provenance()))).toList();
        MigrationPlan migrate = new Planner(false).plan(files, history);
        assertThat(migrate.problems()).isEmpty();
        assertThat(migrate.pending()).singleElement().satisfies(p -> assertThat(p.migration()).isEqualTo(v3));
        assertThat(migrate.entries()).filteredOn(entry -> entry.state() == MigrationState.APPLIED).hasSize(2)
                .allMatch(entry -> entry.adopted() && entry.adoptedFrom().orElseThrow().startsWith("Flyway "));

        AdoptionPlan again = plan(List.of(applied(1, v1), applied(2, v2)), files, history);
        assertThat(again.adoptions()).isEmpty();
        assertThat(again.notes()).hasSize(2).allMatch(note -> note.contains("already in Strata's history"));
    }

    @Test
    void anEditedFileIsListedAndOnlyAcceptedOnRequest() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        AdoptionPlan plan = plan(List.of(row(1, "1", "SQL", v1.script(), Optional.of(42), true)),
                new ResolvedMigrations(List.of(v1), List.of()), List.of());

        assertThat(plan.edited()).singleElement().satisfies(edited ->
                assertThat(edited.describe(plan.tool())).contains("db/V1__t1.sql", "Flyway recorded CRC32 42"));
        assertThat(plan.canAdopt(false)).isFalse();
        assertThat(plan.canAdopt(true)).isTrue();
        assertThat(plan.adoptions()).singleElement().satisfies(adoption ->
                assertThat(adoption.provenance()).contains("edit accepted"));
    }

    @Test
    void aFailedRowAMissingFileAndAJavaMigrationAreRefused() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        AdoptionPlan plan = plan(List.of(applied(1, v1),
                        row(2, "2", "SQL", "V2__gone.sql", Optional.of(1), true),
                        row(3, "3", "JDBC", "db.migration.V3__Java", Optional.empty(), true),
                        row(4, "4", "SQL", "V4__broke.sql", Optional.of(2), false)),
                new ResolvedMigrations(List.of(v1), List.of()), List.of());

        assertThat(plan.canAdopt(true)).isFalse();
        assertThat(plan.refusals()).extracting(AdoptionPlan.Refusal::message).satisfiesExactly(
                message -> assertThat(message).contains("type JDBC"),
                message -> assertThat(message).contains("V4__broke.sql", "failed"),
                message -> assertThat(message).contains("no migration file has version 2"));
        assertThat(plan.refusals().get(2).fix()).contains("restore V2__gone.sql", "flyway repair");
    }

    @Test
    void baselinesDeletedVersionsSchemaRowsAndRepeatablesFollowFlywaysMeaning() {
        ResolvedMigration v2 = file("2", "create table b (id int);\n");
        ResolvedMigration v3 = file("3", "create table c (id int);\n");
        ResolvedMigration views = repeatable("create view v as select 1;\n");
        AdoptionPlan plan = plan(List.of(
                        row(0, "0", "SCHEMA", "\"public\"", Optional.empty(), true),
                        row(1, "1", "BASELINE", "<< Flyway Baseline >>", Optional.empty(), true),
                        applied(2, v2),
                        row(3, "3", "SQL", v3.script(), Optional.of(FlywayChecksum.of(v3.content())), true),
                        row(4, "3", "DELETE", v3.script(), Optional.empty(), true),
                        row(5, null, "SQL", "sub/R__views.sql", Optional.of(FlywayChecksum.of("an older text")), true)),
                new ResolvedMigrations(List.of(v2, v3), List.of(), List.of(), List.of(views)), List.of());

        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.adoptions())
                .extracting(adoption -> adoption.type() + " " + adoption.id().versionNumber().orElseThrow())
                .containsExactly("BASELINE 1", "ADOPTED 2");
        assertThat(plan.notes()).anyMatch(note -> note.contains("created schema"))
                .anyMatch(note -> note.contains("marked version 3 deleted"))
                .anyMatch(note -> note.contains("R__views.sql") && note.contains("runs it again"));
    }

    @Test
    void filesReadWithAnotherToolsLayoutAreRefusedWithTheSettingToChange() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        AdoptionPlan plan = AdoptionPlanner.plan(FLYWAY, SOURCE, FlywayTool.interpret(SOURCE, List.of(applied(1, v1))),
                new ResolvedMigrations(List.of(v1), List.of()), Layout.DBMATE, STORED, List.of());

        assertThat(plan.canAdopt(true)).isFalse();
        assertThat(plan.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.message()).contains("migrations.layout = \"dbmate\"", "Flyway");
            assertThat(refusal.fix()).contains("migrations.layout = \"strata\"", "STRATA_MIGRATIONS__LAYOUT=strata");
        });
    }
}

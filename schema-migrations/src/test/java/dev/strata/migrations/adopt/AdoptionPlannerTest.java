package dev.strata.migrations.adopt;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.MigrationState;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.resolve.ResolvedMigration;
import dev.strata.migrations.resolve.ResolvedMigrations;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptionPlannerTest {
    private static final SchemaTable SOURCE = new SchemaTable("public", "flyway_schema_history");
    private static final OffsetDateTime INSTALLED = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    private static ResolvedMigration file(String version, String content) {
        String script = "V" + version + "__t" + version + ".sql";
        return new ResolvedMigration(Version.parse(version), "t" + version, script, "db/" + script, content,
                Checksum.of(content));
    }

    private static ResolvedMigration repeatable(String content) {
        return new ResolvedMigration(null, "views", "R__views.sql", "db/R__views.sql", content, Checksum.of(content));
    }

    private static FlywayRow row(int rank, String version, String type, String script, Optional<Integer> crc,
                                 boolean success) {
        return new FlywayRow(rank, Optional.ofNullable(version), "d", type, script, crc, "deploy", INSTALLED, 5,
                success);
    }

    private static FlywayRow applied(int rank, ResolvedMigration file) {
        return row(rank, file.version().toString(), "SQL", file.script(),
                Optional.of(FlywayChecksum.of(file.content())), true);
    }

    @Test
    void verifiedRowsBecomeAdoptedRowsThatThePlannerReadsAsApplied() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        ResolvedMigration v2 = file("2", "create table b (id int);\n");
        ResolvedMigration v3 = file("3", "create table c (id int);\n");
        AdoptionPlan plan = AdoptionPlanner.plan(SOURCE, List.of(applied(1, v1), applied(2, v2)),
                new ResolvedMigrations(List.of(v1, v2, v3), List.of()), List.of());

        assertThat(plan.canAdopt(false)).isTrue();
        assertThat(plan.adoptions()).extracting(AdoptionPlan.Adoption::type)
                .containsExactly(MigrationType.ADOPTED, MigrationType.ADOPTED);
        assertThat(plan.adoptions().get(0).provenance()).contains("installed_rank 1", "verified");

        List<AppliedMigration> history = plan.adoptions().stream().map(adoption -> new AppliedMigration(
                adoption.source().installedRank(), adoption.version(), adoption.description(), adoption.type(),
                adoption.script(), adoption.checksum(), "deploy", INSTALLED, 5, true)).toList();
        MigrationPlan migrate = new Planner(false).plan(new ResolvedMigrations(List.of(v1, v2, v3), List.of()),
                history);
        assertThat(migrate.problems()).isEmpty();
        assertThat(migrate.pending()).singleElement().satisfies(p -> assertThat(p.migration()).isEqualTo(v3));
        assertThat(migrate.entries()).filteredOn(entry -> entry.state() == MigrationState.APPLIED).hasSize(2)
                .allMatch(entry -> entry.adopted());

        AdoptionPlan again = AdoptionPlanner.plan(SOURCE, List.of(applied(1, v1), applied(2, v2)),
                new ResolvedMigrations(List.of(v1, v2, v3), List.of()), history);
        assertThat(again.adoptions()).isEmpty();
        assertThat(again.notes()).hasSize(2).allMatch(note -> note.contains("already in Strata's history"));
    }

    @Test
    void anEditedFileIsListedAndOnlyAcceptedOnRequest() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        AdoptionPlan plan = AdoptionPlanner.plan(SOURCE, List.of(row(1, "1", "SQL", v1.script(), Optional.of(42), true)),
                new ResolvedMigrations(List.of(v1), List.of()), List.of());

        assertThat(plan.edited()).singleElement().satisfies(edited ->
                assertThat(edited.describe()).contains("db/V1__t1.sql", "CRC32 42"));
        assertThat(plan.canAdopt(false)).isFalse();
        assertThat(plan.canAdopt(true)).isTrue();
        assertThat(plan.adoptions()).singleElement().satisfies(adoption ->
                assertThat(adoption.provenance()).contains("edit accepted"));
    }

    @Test
    void aFailedRowAMissingFileAndAJavaMigrationAreRefused() {
        ResolvedMigration v1 = file("1", "create table a (id int);\n");
        AdoptionPlan plan = AdoptionPlanner.plan(SOURCE, List.of(applied(1, v1),
                        row(2, "2", "SQL", "V2__gone.sql", Optional.of(1), true),
                        row(3, "3", "JDBC", "db.migration.V3__Java", Optional.empty(), true),
                        row(4, "4", "SQL", "V4__broke.sql", Optional.of(2), false)),
                new ResolvedMigrations(List.of(v1), List.of()), List.of());

        assertThat(plan.canAdopt(true)).isFalse();
        assertThat(plan.refusals()).extracting(AdoptionPlan.Refusal::message).satisfiesExactly(
                message -> assertThat(message).contains("type JDBC"),
                message -> assertThat(message).contains("V4__broke.sql", "failed"),
                message -> assertThat(message).contains("no migration file has version 2"));
    }

    @Test
    void baselinesDeletedVersionsSchemaRowsAndRepeatablesFollowFlywaysMeaning() {
        ResolvedMigration v2 = file("2", "create table b (id int);\n");
        ResolvedMigration v3 = file("3", "create table c (id int);\n");
        ResolvedMigration views = repeatable("create view v as select 1;\n");
        AdoptionPlan plan = AdoptionPlanner.plan(SOURCE, List.of(
                        row(0, "0", "SCHEMA", "\"public\"", Optional.empty(), true),
                        row(1, "1", "BASELINE", "<< Flyway Baseline >>", Optional.empty(), true),
                        applied(2, v2),
                        row(3, "3", "SQL", v3.script(), Optional.of(FlywayChecksum.of(v3.content())), true),
                        row(4, "3", "DELETE", v3.script(), Optional.empty(), true),
                        row(5, null, "SQL", "sub/R__views.sql", Optional.of(FlywayChecksum.of("an older text")), true)),
                new ResolvedMigrations(List.of(v2, v3), List.of(), List.of(), List.of(views)), List.of());

        assertThat(plan.refusals()).isEmpty();
        assertThat(plan.adoptions()).extracting(adoption -> adoption.type() + " " + adoption.version())
                .containsExactly("BASELINE 1", "ADOPTED 2");
        assertThat(plan.notes()).anyMatch(note -> note.contains("created schema"))
                .anyMatch(note -> note.contains("marked version 3 deleted"))
                .anyMatch(note -> note.contains("R__views.sql") && note.contains("runs it again"));
    }
}

package dev.strata.it.drift;

import dev.strata.it.FreshDatabase;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.drift.DriftCheck;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.drift.ObjectDifference.Change;
import dev.strata.migrations.drift.ReplayFailedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DriftCheck} end to end on real databases: what it replays, and when it finds nothing. */
@ExtendWith(FreshDatabase.class)
class DriftCheckTest {
    private static final List<String> EVERY_KIND = List.of("V1__extensions_schemas_and_types.sql",
            "V2__tables_columns_and_constraints.sql", "V3__indexes_views_and_code.sql");

    @TempDir
    Path migrations;

    @Test
    void theExampleMigrationsShowNoDifference(TestDatabase live, TestDatabase scratch) {
        MigrationSettings settings = MigrationSettings.defaults();
        new Migrator(live.connectionSource(), settings).migrate();

        DriftReport report = check(live, scratch, settings);

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        assertThat(report.replayed()).hasSize(13);
        assertThat(report.replayed().get(12).script()).isEqualTo("R__job_reporting_views.sql");
        assertThat(report.pending()).isEmpty();
    }

    @Test
    void aCommittedHotfixIsFound(TestDatabase live, TestDatabase scratch) {
        EveryKindSchema.migrate(live, EveryKindSchema.SETTINGS);
        EveryKindSchema.hotfix(live, "alter table jobs add column note text; drop index jobs_kind_idx");

        DriftReport report = check(live, scratch, EveryKindSchema.SETTINGS);

        assertThat(report.drifted()).isTrue();
        assertThat(report.diff().differences()).extracting(d -> d.key().toString(), d -> d.change())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("column public.jobs.note", Change.UNEXPECTED),
                        org.assertj.core.groups.Tuple.tuple("index public.jobs_kind_idx", Change.MISSING));
    }

    @Test
    void aDatabaseBehindItsMigrationsIsNotDrifted(TestDatabase live, TestDatabase scratch) throws IOException {
        copy(EVERY_KIND.get(0), EVERY_KIND.get(1));
        EveryKindSchema.migrate(live, settings());
        copy(EVERY_KIND.get(2));

        DriftReport report = check(live, scratch, settings());

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        assertThat(report.replayed()).extracting(ResolvedMigration::script).containsExactly(EVERY_KIND.get(0),
                EVERY_KIND.get(1));
        assertThat(report.pending()).extracting(pending -> pending.migration().script()).containsExactly(EVERY_KIND.get(2));
    }

    @Test
    void anUndoneVersionIsNotReplayed(TestDatabase live, TestDatabase scratch) throws IOException {
        copy(EVERY_KIND.toArray(String[]::new));
        Files.writeString(migrations.resolve("V4__add_job_notes.sql"), "create table job_notes (id bigint primary key);\n");
        Files.writeString(migrations.resolve("U4__add_job_notes.sql"), "drop table job_notes;\n");
        Migrator migrator = new Migrator(live.connectionSource(), settings());
        migrator.migrate();
        migrator.undo(Optional.empty());

        DriftReport report = check(live, scratch, settings());

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        assertThat(report.replayed()).extracting(ResolvedMigration::script).containsExactlyElementsOf(EVERY_KIND);
        assertThat(report.pending()).extracting(pending -> pending.migration().script())
                .containsExactly("V4__add_job_notes.sql");
    }

    @Test
    void aHistoryTableElsewhereIsLeftOutOnBothSides(TestDatabase live, TestDatabase scratch) {
        MigrationSettings settings = EveryKindSchema.SETTINGS.withHistoryTable(new SchemaTable("strata", "migrations"));
        EveryKindSchema.migrate(live, settings);

        DriftReport report = check(live, scratch, settings);

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
    }

    @Test
    void aPlanWithProblemsIsRefusedBeforeAnythingIsReplayed(TestDatabase live, TestDatabase scratch)
            throws IOException {
        copy(EVERY_KIND.get(0));
        EveryKindSchema.migrate(live, settings());
        Files.writeString(migrations.resolve(EVERY_KIND.get(0)), "-- edited after it was applied\n"
                + Files.readString(migrations.resolve(EVERY_KIND.get(0))));

        assertThatThrownBy(() -> check(live, scratch, settings()))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessageContaining("edit detected in");
        assertThat(EveryKindSchema.count(scratch, "select count(*) from pg_namespace where nspname = 'billing'"))
                .as("nothing replayed").isZero();
    }

    @Test
    void aMigrationThatFailsOnTheScratchDatabaseIsReported(TestDatabase live, TestDatabase scratch)
            throws IOException {
        // Adopted without a baseline (so the non-empty guard is overridden): the first migration alters a table that
        // existed before Strata.
        EveryKindSchema.hotfix(live, "create table legacy (id integer)");
        Files.writeString(migrations.resolve("V1__extend_legacy.sql"), "alter table legacy add column note text;\n");
        EveryKindSchema.migrate(live, settings().withAllowNonEmpty(true));

        assertThatThrownBy(() -> check(live, scratch, settings()))
                .isInstanceOf(ReplayFailedException.class)
                .hasMessageContaining("scratch database")
                .hasMessageContaining("V1__extend_legacy.sql")
                .hasMessageContaining("legacy");
    }

    @Test
    void aBaselinedDatabaseIsComparedWithTheFilesUpToItsBaseline(TestDatabase live, TestDatabase scratch)
            throws IOException {
        copy(EVERY_KIND.toArray(String[]::new));
        // The schema existed before Strata: created by the same files, run by hand, then baselined at 2.
        for (String file : EVERY_KIND.subList(0, 2)) {
            EveryKindSchema.hotfix(live, Files.readString(migrations.resolve(file)));
        }
        new Migrator(live.connectionSource(), settings()).baseline(dev.strata.migrations.core.Version.parse("2"),
                "adopted");
        new Migrator(live.connectionSource(), settings()).migrate();

        DriftReport report = check(live, scratch, settings());

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        assertThat(report.replayed()).extracting(ResolvedMigration::script).containsExactlyElementsOf(EVERY_KIND);
    }

    @Nested
    class RepeatableMigrations {
        private static final String VIEW_V1 = "create or replace view job_names as select name from jobs;\n";
        private static final String VIEW_V2 = "create or replace view job_names as select name, kind from jobs;\n";

        @Test
        void anAppliedRepeatableIsReplayedAfterTheVersionsBeforeIt(TestDatabase live, TestDatabase scratch)
                throws IOException {
            copy(EVERY_KIND.toArray(String[]::new));
            Files.writeString(migrations.resolve("R__job_names.sql"), VIEW_V1);
            new Migrator(live.connectionSource(), settings()).migrate();

            DriftReport report = check(live, scratch, settings());

            assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
            assertThat(report.replayed()).extracting(ResolvedMigration::script).endsWith("R__job_names.sql");
        }

        @Test
        void aRepeatableEditedSinceItRanIsReplayedAsItRan(TestDatabase live, TestDatabase scratch)
                throws IOException {
            copy(EVERY_KIND.toArray(String[]::new));
            Files.writeString(migrations.resolve("R__job_names.sql"), VIEW_V1);
            new Migrator(live.connectionSource(), settings()).migrate();
            Files.writeString(migrations.resolve("R__job_names.sql"), VIEW_V2);

            DriftReport report = check(live, scratch, settings());

            assertThat(report.diff().differences()).as("the database is behind, not drifted: %s",
                    report.diff().describe()).isEmpty();
            assertThat(report.replayed()).filteredOn(file -> file.id() instanceof MigrationId.Repeatable)
                    .singleElement().satisfies(replayed -> assertThat(replayed.content()).isEqualTo(VIEW_V1));
            assertThat(report.pending()).extracting(pending -> pending.migration().script())
                    .containsExactly("R__job_names.sql");
        }

        @Test
        void aDeletedRepeatableIsStillReplayedFromTheHistory(TestDatabase live, TestDatabase scratch)
                throws IOException {
            copy(EVERY_KIND.toArray(String[]::new));
            Files.writeString(migrations.resolve("R__job_names.sql"), VIEW_V1);
            new Migrator(live.connectionSource(), settings()).migrate();
            Files.delete(migrations.resolve("R__job_names.sql"));

            DriftReport report = check(live, scratch, settings());

            assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
            assertThat(report.replayed()).extracting(ResolvedMigration::script).endsWith("R__job_names.sql");
        }

        @Test
        void aViewChangedByHandAfterItsRepeatableRanIsDrift(TestDatabase live, TestDatabase scratch)
                throws IOException {
            copy(EVERY_KIND.toArray(String[]::new));
            Files.writeString(migrations.resolve("R__job_names.sql"), VIEW_V1);
            new Migrator(live.connectionSource(), settings()).migrate();
            EveryKindSchema.hotfix(live, "create or replace view job_names as select name, name as alias from jobs");

            DriftReport report = check(live, scratch, settings());

            assertThat(report.drifted()).isTrue();
            assertThat(report.diff().differences()).extracting(d -> d.key().toString())
                    .anySatisfy(key -> assertThat(key).contains("job_names"));
        }
    }

    @Test
    void aSkippedGoStepIsNamedAsLeftOutOfTheComparison(TestDatabase live, TestDatabase scratch) throws IOException {
        Files.writeString(migrations.resolve("1_accounts.up.sql"), "create table accounts (id int);\n");
        Files.writeString(migrations.resolve("2_backfill.go"), "package migrations\n");
        Files.writeString(migrations.resolve("3_events_kind.up.sql"),
                "create table events (kind text);\n");
        MigrationSettings settings = settings().withLayout(dev.strata.migrations.core.Layout.GOLANG_MIGRATE)
                .withSkipGoMigrations(true);
        new Migrator(live.connectionSource(), settings).migrate();

        DriftReport report = check(live, scratch, settings);

        assertThat(report.diff().differences()).as(report.diff().describe()).isEmpty();
        assertThat(report.skippedGoSteps()).singleElement()
                .satisfies(step -> assertThat(step.path()).endsWith("2_backfill.go"));
    }

    private MigrationSettings settings() {
        return MigrationSettings.defaults().withLocations(List.of(new Location.Filesystem(migrations)));
    }

    private static DriftReport check(TestDatabase live, TestDatabase scratch, MigrationSettings settings) {
        DriftCheck check = EveryKindSchema.check(live, scratch, settings);
        return check.run();
    }

    private void copy(String... files) throws IOException {
        for (String file : files) {
            try (InputStream in = DriftCheckTest.class.getResourceAsStream("/drift/every-kind/" + file)) {
                Files.copy(in, migrations.resolve(file));
            }
        }
    }
}

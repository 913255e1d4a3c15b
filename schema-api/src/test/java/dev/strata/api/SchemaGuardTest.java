package dev.strata.api;

import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.history.NewHistoryRow;
import dev.strata.schema.SchemaVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SchemaGuard} against real databases: matching, behind, ahead, drifted, failed, never migrated. */
class SchemaGuardTest {
    private static final String REPEATABLE = "R__job_reporting_views.sql";
    private static final String V3 = "V3__create_namespaces_datasets_versions_and_manifests.sql";
    private static final String OTHER_CHECKSUM = "sha256:" + "0".repeat(64);

    @Test
    void aDatabaseMigratedWithTheseFilesMatches() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        assertThatCode(() -> SchemaGuard.verify(database.dataSource())).doesNotThrowAnyException();
        assertThat(SchemaGuard.compare(database.dataSource(), SchemaGuard.defaultHistoryTable()).matches()).isTrue();
    }

    @Test
    void aDatabaseMigratedOnlyToV10IsBehind() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrateUpTo("10");

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource()))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().pending()).extracting(SchemaVersion.Migration::script)
                            .containsExactly("V11__treat_cancelled_jobs_as_finished.sql",
                                    "V12__add_file_garbage_collection_markers.sql", REPEATABLE);
                    assertThat(e.comparison().unknown()).isEmpty();
                    assertThat(e.comparison().drifted()).isEmpty();
                    assertThat(e.hint()).contains("run `strata migrate`");
                })
                .hasMessage("the database does not match this build's schema (version 12, dev.strata.schema.SchemaVersion):"
                        + "\n  behind: 3 migrations pending: 11 (V11__treat_cancelled_jobs_as_finished.sql),"
                        + " 12 (V12__add_file_garbage_collection_markers.sql), " + REPEATABLE
                        + " (repeatable, changed or new)");
    }

    @Test
    void aDatabaseWithAVersionThisBuildDoesNotKnowIsAhead() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        try (Connection connection = database.dataSource().getConnection()) {
            new HistoryTable(SchemaGuard.defaultHistoryTable()).insert(connection, new NewHistoryRow(Version.parse("99"),
                    "from the future", MigrationType.SQL, "V99__from_the_future.sql", OTHER_CHECKSUM, 1, true,
                    "select 1;"));
        }

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource()))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().pending()).isEmpty();
                    assertThat(e.comparison().unknown()).extracting(row -> row.version().toString()).containsExactly("99");
                    assertThat(e.hint()).contains("deploy a build that contains the newer migrations");
                })
                .hasMessageEndingWith("\n  ahead: 1 version unknown to this build: 99 (V99__from_the_future.sql)");
    }

    @Test
    void aDatabaseWhoseHistoryRecordsAnotherChecksumHasDrifted() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        setChecksum(database, V3, OTHER_CHECKSUM);
        String expected = SchemaVersion.MIGRATIONS.get(2).checksum();

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource()))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().drifted()).containsExactly(
                            new SchemaComparison.Drift("3", V3, OTHER_CHECKSUM, expected));
                    assertThat(e.hint()).contains("put the change into a new migration");
                })
                .hasMessageEndingWith("\n  drifted: 1 file edited after it was applied: 3 (" + V3
                        + "): checksum recorded " + OTHER_CHECKSUM + " vs expected " + expected);
    }

    @Test
    void everyKindOfMismatchIsReportedAtOnce() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrateUpTo("11");
        setChecksum(database, V3, OTHER_CHECKSUM);
        try (Connection connection = database.dataSource().getConnection()) {
            new HistoryTable(SchemaGuard.defaultHistoryTable()).insert(connection, new NewHistoryRow(Version.parse("13"),
                    "failed", MigrationType.SQL, "V13__failed.sql", OTHER_CHECKSUM, 1, false, "select 1;"));
        }

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource()))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("\n  behind: 2 migrations pending: 12 (V12__add_file_garbage_collection_markers.sql), "
                        + REPEATABLE + " (repeatable, changed or new)")
                .hasMessageContaining("\n  drifted: 1 file edited after it was applied: 3 (" + V3 + ")")
                .hasMessageContaining("\n  failed: 1 migration recorded as failed: 13 (V13__failed.sql)");
    }

    @Test
    void aDatabaseThatWasNeverMigratedHasEveryVersionPending() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class);
        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource()))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> assertThat(e.comparison().pending())
                        .hasSize(SchemaVersion.MIGRATIONS.size()))
                .hasMessageContaining("behind: 13 migrations pending: 1 (V1__create_workers_and_heartbeats.sql), 2 (");
    }

    @Test
    void theGeneratedFingerprintClassRecordsEveryMigration() {
        assertThat(SchemaVersion.LATEST_VERSION).isEqualTo("12");
        assertThat(SchemaVersion.FINGERPRINT).matches("sha256:[0-9a-f]{64}");
        assertThat(SchemaVersion.MIGRATIONS).hasSize(13)
                .allSatisfy(m -> assertThat(m.checksum()).matches("sha256:[0-9a-f]{64}"));
        assertThat(SchemaVersion.MIGRATIONS.get(11).version()).isEqualTo(SchemaVersion.LATEST_VERSION);
        assertThat(SchemaVersion.MIGRATIONS.get(12)).satisfies(repeatable -> {
            assertThat(repeatable.script()).isEqualTo(REPEATABLE);
            assertThat(repeatable.repeatable()).isTrue();
            assertThat(repeatable.version()).isNull();
        });
    }

    @Test
    void aRepeatableFileEditedSinceItRanLeavesTheDatabaseBehind() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        try (Connection connection = database.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("update strata_schema_history set checksum = '" + OTHER_CHECKSUM
                    + "' where script = '" + REPEATABLE + "'");
        }

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource()))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().pending()).extracting(SchemaVersion.Migration::script)
                            .containsExactly(REPEATABLE);
                    assertThat(e.comparison().drifted()).isEmpty();
                })
                .hasMessageEndingWith("\n  behind: 1 migration pending: " + REPEATABLE + " (repeatable, changed or new)");
    }

    private static void setChecksum(TestDatabase database, String script, String checksum) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update public.strata_schema_history set checksum = ? where script = ?")) {
            update.setString(1, checksum);
            update.setString(2, script);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}

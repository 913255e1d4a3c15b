package dev.strata.api;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.history.HistoryTable;
import dev.strata.migrations.history.NewHistoryRow;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SchemaGuard} against real databases: matching, behind, ahead, drifted, failed, never migrated. */
class SchemaGuardTest {
    private static final String REPEATABLE = FixtureSchema.REPEATABLE;
    private static final String V2 = "V2__create_invoices.sql";
    private static final SchemaDescriptor SCHEMA = FixtureSchema.INSTANCE;
    private static final SchemaTable AUDIT_LOG = new SchemaTable("audit", "schema_log");
    private static final String OTHER_CHECKSUM = "sha256:" + "0".repeat(64);

    @Test
    void aDatabaseMigratedWithTheseFilesMatches() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        assertThatCode(() -> SchemaGuard.verify(database.dataSource(), SCHEMA)).doesNotThrowAnyException();
        assertThat(SchemaGuard.compare(database.dataSource(), SCHEMA, SchemaGuard.defaultHistoryTable()).matches()).isTrue();
    }

    @Test
    void aDatabaseMigratedOnlyToV1IsBehind() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrateUpTo("1");

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().pending()).extracting(SchemaMigration::script)
                            .containsExactly(V2, "V3__add_invoice_state.sql", REPEATABLE);
                    assertThat(e.comparison().unknown()).isEmpty();
                    assertThat(e.comparison().drifted()).isEmpty();
                    assertThat(e.hint()).contains("run `strata migrate`");
                })
                .hasMessage("the database does not match this build's schema (version 3, " + FixtureSchema.class.getName()
                        + "):\n  behind: 3 migrations pending: 2 (" + V2 + "), 3 (V3__add_invoice_state.sql), "
                        + REPEATABLE + " (repeatable, changed or new)");
    }

    @Test
    void aDatabaseWithAVersionThisBuildDoesNotKnowIsAhead() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        try (Connection connection = database.dataSource().getConnection()) {
            new HistoryTable(SchemaGuard.defaultHistoryTable())
                    .insert(connection, new NewHistoryRow(new MigrationId.Versioned(Version.parse("99")),
                    "from the future", MigrationType.SQL, "V99__from_the_future.sql", OTHER_CHECKSUM, 1, true,
                    "select 1;"));
        }

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().pending()).isEmpty();
                    assertThat(e.comparison().unknown())
                            .extracting(row -> row.id().versionNumber().orElseThrow().toString()).containsExactly("99");
                    assertThat(e.hint()).contains("deploy a build that contains the newer migrations");
                })
                .hasMessageEndingWith("\n  ahead: 1 version unknown to this build: 99 (V99__from_the_future.sql)");
    }

    @Test
    void aDatabaseWhoseHistoryRecordsAnotherChecksumHasDrifted() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        setChecksum(database, V2, OTHER_CHECKSUM);
        String expected = SCHEMA.migrations().get(1).checksum();

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().drifted()).containsExactly(
                            new SchemaComparison.Drift("2", V2, OTHER_CHECKSUM, expected));
                    assertThat(e.hint()).contains("put the change into a new migration");
                })
                .hasMessageEndingWith("\n  drifted: 1 file edited after it was applied: 2 (" + V2
                        + "): checksum recorded " + OTHER_CHECKSUM + " vs expected " + expected);
    }

    @Test
    void everyKindOfMismatchIsReportedAtOnce() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrateUpTo("2");
        setChecksum(database, V2, OTHER_CHECKSUM);
        try (Connection connection = database.dataSource().getConnection()) {
            new HistoryTable(SchemaGuard.defaultHistoryTable())
                    .insert(connection, new NewHistoryRow(new MigrationId.Versioned(Version.parse("13")),
                    "failed", MigrationType.SQL, "V13__failed.sql", OTHER_CHECKSUM, 1, false, "select 1;"));
        }

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("\n  behind: 2 migrations pending: 3 (V3__add_invoice_state.sql), "
                        + REPEATABLE + " (repeatable, changed or new)")
                .hasMessageContaining("\n  drifted: 1 file edited after it was applied: 2 (" + V2 + ")")
                .hasMessageContaining("\n  failed: 1 migration recorded as failed: 13 (V13__failed.sql)");
    }

    @Test
    void aDatabaseThatWasNeverMigratedHasEveryVersionPending() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class);
        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> assertThat(e.comparison().pending())
                        .hasSize(SCHEMA.migrations().size()))
                .hasMessageContaining("behind: 4 migrations pending: 1 (V1__create_accounts.sql), 2 (");
    }

    @Test
    void aHistoryTableElsewhereIsReadWhereItIsConfigured() {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class);
        new Migrator(ConnectionSource.of(database.dataSource(), "test"),
                MigrationSettings.defaults().withHistoryTable(AUDIT_LOG)).migrate();

        assertThatCode(() -> SchemaGuard.verify(database.dataSource(), SCHEMA, AUDIT_LOG)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .as("the default table does not exist: nothing applied there")
                .isInstanceOfSatisfying(SchemaMismatchException.class,
                        e -> assertThat(e.comparison().pending()).hasSize(SCHEMA.migrations().size()));
    }

    @Test
    void aRepeatableFileEditedSinceItRanLeavesTheDatabaseBehind() throws SQLException {
        TestDatabase database = TestPostgres.createDatabase(SchemaGuardTest.class).migrate();
        try (Connection connection = database.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("update strata_schema_history set checksum = '" + OTHER_CHECKSUM
                    + "' where script = '" + REPEATABLE + "'");
        }

        assertThatThrownBy(() -> SchemaGuard.verify(database.dataSource(), SCHEMA))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> {
                    assertThat(e.comparison().pending()).extracting(SchemaMigration::script)
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

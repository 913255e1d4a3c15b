package dev.strata.it;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The history's {@code content} column keeps each applied file's full text, a secret written in a migration included,
 * unless {@code migrations.record_content = false}: then every row Strata writes (transactional, non-transactional,
 * repeatable, a repair's realignment) holds NULL, and an edited file is still refused, only without its lines.
 */
@ExtendWith(FreshDatabase.class)
class HistoryContentTest {
    private static final String V1 = "V1__create_accounts.sql";
    private static final String V1_TEXT = "create table accounts (id int);\n"
            + "-- the application's role: alter role app password 'Kept-In-History-1'\n";
    private static final String V2 = "V2__index_accounts.sql";
    private static final String V2_TEXT = "-- strata:transaction=false\ncreate index concurrently accounts_id on accounts (id);\n";
    private static final String R = "R__accounts_view.sql";
    private static final String R_TEXT = "create or replace view accounts_view as select id from accounts;\n";

    private static MigrationFiles files(Path dir) {
        return new MigrationFiles(dir).write(V1, V1_TEXT).write(V2, V2_TEXT).write(R, R_TEXT);
    }

    @Test
    void byDefaultEachFilesFullTextIsKept(TestDatabase database, @TempDir Path dir) throws SQLException {
        MigrationFiles files = files(dir);
        files.migrator(database).migrate();

        assertThat(contentByScript(database)).containsExactly(
                Map.entry(V1, V1_TEXT), Map.entry(V2, V2_TEXT), Map.entry(R, R_TEXT));
    }

    @Test
    void turnedOffEveryRowHoldsNullAndAnEditIsStillRefused(TestDatabase database, @TempDir Path dir)
            throws SQLException {
        MigrationFiles files = files(dir);
        MigrationSettings withoutContent = files.settings().withRecordContent(false);
        MigrationFiles.migrator(database, withoutContent).migrate();

        assertThat(contentByScript(database)).containsOnlyKeys(V1, V2, R)
                .allSatisfy((script, content) -> assertThat(content).as(script).isNull());
        assertThat(Queries.queryLong(database, "select count(*) from strata_schema_history where checksum is null"))
                .isZero();

        files.write(V1, V1_TEXT.replace("(id int)", "(id bigint)"));
        ValidationFailedException failure = catchThrowableOfType(ValidationFailedException.class,
                () -> MigrationFiles.migrator(database, withoutContent).validate());

        assertThat(failure).isNotNull();
        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.EDITED);
            assertThat(problem.script()).isEqualTo(V1);
        });
        assertThat(failure.getMessage()).doesNotContain("(applied) became", "- 1:", "Kept-In-History-1");
    }

    @Test
    void aRepairWithContentTurnedOffClearsTheRecordedText(TestDatabase database, @TempDir Path dir)
            throws SQLException {
        MigrationFiles files = files(dir);
        files.migrator(database).migrate();
        files.write(V1, V1_TEXT.replace("'Kept-In-History-1'", "'rotated elsewhere'"));

        MigrationFiles.migrator(database, files.settings().withRecordContent(false)).repair();

        Map<String, String> content = contentByScript(database);
        assertThat(content.get(V1)).isNull();
        assertThat(content.get(V2)).isEqualTo(V2_TEXT);
    }

    private static Map<String, String> contentByScript(TestDatabase database) throws SQLException {
        Map<String, String> content = new LinkedHashMap<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select script, content from strata_schema_history order by installed_rank")) {
            while (rows.next()) {
                content.put(rows.getString(1), rows.getString(2));
            }
        }
        return content;
    }
}

package dev.strata.migrations.execute;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigration;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureContextTest {
    private static final ResolvedMigration FILE = new ResolvedMigration(new MigrationId.Versioned(Version.parse("3")),
            "add index",
            "V3__add_index.sql", "db/V3__add_index.sql",
            "create index concurrently i on t (a);\ncreate index concurrently j on t (b);\n", Checksum.of("x"));

    @Test
    void aNonTransactionalFileCountsTheStatementsThatStayApplied() {
        FailureContext context = FailureContext.starting(FILE, MigrationType.SQL, false, 2).afterStatements(1);

        assertThat(context.statementsApplied()).isEqualTo(1);
        assertThat(context.filesApplied()).isEqualTo(2);
        assertThat(context.command()).isEqualTo("migrate");
    }

    @Test
    void aTransactionalFileKeepsNoStatementWhateverRanBeforeTheFailure() {
        FailureContext context = FailureContext.starting(FILE, MigrationType.SQL, true, 0).afterStatements(5);

        assertThat(context.statementsApplied()).isZero();
        assertThatThrownBy(() -> new FailureContext(FILE, MigrationType.SQL, true, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUndoFileIsRunAgainWithUndo() {
        assertThat(FailureContext.starting(FILE, MigrationType.UNDO, true, 0).command()).isEqualTo("undo");
    }

    @Test
    void theExceptionsTellTheSameStoryFromOneContext() {
        FailureContext context = FailureContext.starting(FILE, MigrationType.SQL, false, 2).afterStatements(1);
        SQLException cause = new SQLException("terminating connection due to administrator command", "57P01");

        ConnectionLostException lost = ConnectionLostException.of(ConnectionLostException.Phase.APPLYING, context,
                "db/V3__add_index.sql:2", cause);

        assertThat(lost.script()).isEqualTo("V3__add_index.sql");
        assertThat(lost.id()).isEqualTo(new MigrationId.Versioned(Version.parse("3")));
        assertThat(lost.appliedBeforeFailure()).isEqualTo(2);
        assertThat(lost.getMessage()).contains("statement 1 of it completed and stay applied",
                "The 2 migration(s) before it in this run were applied and recorded.");
    }
}

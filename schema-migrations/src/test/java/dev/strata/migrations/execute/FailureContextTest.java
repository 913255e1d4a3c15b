package dev.strata.migrations.execute;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationType;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureContextTest {
    private static final ResolvedMigration FILE = new ResolvedMigration(new MigrationId.Versioned(Version.parse("3")),
            "add index",
            "V3__add_index.sql", "db/V3__add_index.sql",
            "create index concurrently i on t (a);\ncreate index concurrently j on t (b);\n", Checksum.of("x"));

    @Test
    void aNonTransactionalFileCountsTheStatementsThatStayApplied() {
        FailureContext context = FailureContext.starting(FILE, MigrationType.SQL, RunCommand.MIGRATE, false, 2)
                .afterStatements(1);

        assertThat(context.statementsApplied()).isEqualTo(1);
        assertThat(context.filesApplied()).isEqualTo(2);
        assertThat(context.command()).isEqualTo(RunCommand.MIGRATE);
    }

    @Test
    void aTransactionalFileKeepsNoStatementWhateverRanBeforeTheFailure() {
        FailureContext context = FailureContext.starting(FILE, MigrationType.SQL, RunCommand.MIGRATE, true, 0)
                .afterStatements(5);

        assertThat(context.statementsApplied()).isZero();
        assertThatThrownBy(() -> new FailureContext(FILE, MigrationType.SQL, RunCommand.MIGRATE, true, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyHintNamesTheCommandWhoseRunFailed() {
        SQLException lostConnection = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException deferredCheck = new SQLException("violates foreign key constraint", "23503");
        SqlFailure failure = new SqlFailure("V3__add_index.sql", "db/V3__add_index.sql", new MigrationId.Versioned(Version.parse("3")), 1, 1,
                "42P01", "relation does not exist", null, null, null, "drop table t", 1);
        for (RunCommand command : RunCommand.values()) {
            String other = command == RunCommand.UNDO ? "`strata migrate`" : "`strata undo`";
            FailureContext transactional = FailureContext.starting(FILE, MigrationType.SQL, command, true, 1);
            FailureContext statements = FailureContext.starting(FILE, MigrationType.SQL, command, false, 0)
                    .afterStatements(1);
            List<String> hints = List.of(
                    new CommitFailedException(transactional, "public.strata_schema_history", deferredCheck).hint(),
                    ConnectionLostException.of(ConnectionLostException.Phase.APPLYING, transactional, null,
                            lostConnection).hint(),
                    new MigrationFailedException(failure, transactional, null).hint(),
                    new MigrationFailedException(failure, statements, null).hint());

            assertThat(hints).as(command.name()).allSatisfy(hint -> assertThat(hint)
                    .contains("`" + command.invocation() + "`").doesNotContain(other));
        }
        assertThat(new MigrationFailedException(failure, FailureContext.starting(FILE, MigrationType.UNDO,
                RunCommand.UNDO, true, 2), null).hint())
                .endsWith("(the 2 undo file(s) before it in this run were run and recorded)");
    }

    @Test
    void theExceptionsTellTheSameStoryFromOneContext() {
        FailureContext context = FailureContext.starting(FILE, MigrationType.SQL, RunCommand.MIGRATE, false, 2)
                .afterStatements(1);
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

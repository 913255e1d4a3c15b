package dev.strata.migrations.plan;

import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.ScriptDirectives;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.ScriptLexicon;
import dev.strata.migrations.sql.TextPosition;

import java.util.List;
import java.util.Optional;

/**
 * The statements a file may not hold, found before anything runs: each refusal names the file and line and says what
 * to do instead, so a deploy never stops half-way through on something that could be seen in the file.
 */
final class StatementChecks {
    private StatementChecks() {
    }

    static Optional<Problem> firstRefusal(ResolvedMigration file, ScriptDirectives directives,
                                          List<SqlStatement> statements, ScriptLexicon lexicon,
                                          NonTransactionalFiles mode) {
        Optional<SqlStatement> copy = ClientSideCommands.firstCopyWithClient(statements);
        if (copy.isPresent()) {
            return Optional.of(problem(ProblemKind.CLIENT_COMMAND, file, copy.get().line(), "'"
                            + firstLine(copy.get().sql()) + "' exchanges its data with the client, which only psql can"
                            + " do from a script",
                    "write the rows as INSERT … VALUES in " + file.script() + ", or COPY from a file the server can"
                            + " read (COPY … FROM '/path', needs pg_read_server_files), or load the data with psql"
                            + " outside the migration"));
        }
        if (!lexicon.backslashLineOffsets().isEmpty()) {
            int offset = lexicon.backslashLineOffsets().get(0);
            String content = file.content();
            int end = content.indexOf('\n', offset);
            String command = content.substring(offset, end < 0 ? content.length() : end).strip();
            return Optional.of(problem(ProblemKind.CLIENT_COMMAND, file, TextPosition.of(content, offset).line(),
                    "'" + command + "' is a psql meta-command; the server would receive it as SQL",
                    "remove it from " + file.script() + ": Strata stops at the first error and runs each file on"
                            + " its own connection state (for \\i or \\ir, make the included file a migration of"
                            + " its own)"));
        }
        if (!directives.transactional()) {
            return Optional.empty();
        }
        Optional<SqlStatement> control = TransactionControl.first(statements);
        if (control.isPresent()) {
            return Optional.of(problem(ProblemKind.TRANSACTION_CONTROL, file, control.get().line(), "'"
                            + firstLine(control.get().sql()) + "' ends or starts a transaction, and "
                            + file.script() + " runs in the one Strata opens for it together with its history row",
                    "remove it (Strata commits the file and its history row together, or rolls both back; "
                            + "SAVEPOINT and ROLLBACK TO SAVEPOINT are fine), or make `-- strata:transaction=false`"
                            + " the first line of " + file.script() + " to manage transactions yourself"));
        }
        Optional<SqlStatement> offending = TransactionRequirement.firstNeedingNoTransaction(statements);
        if (offending.isPresent()) {
            String why = mode == NonTransactionalFiles.DETECT && !directives.transactionDeclared()
                    ? "' cannot run inside a transaction, and this file also holds statements that must run in one"
                    + " (migrations.non_transactional = \"detect\" runs a file without a transaction only when every"
                    + " statement in it needs that)"
                    : "' cannot run inside a transaction, and this file runs in one";
            return Optional.of(problem(ProblemKind.NEEDS_NO_TRANSACTION, file, offending.get().line(), "'"
                            + firstLine(offending.get().sql()) + why,
                    "make `-- strata:transaction=false` the first line of " + file.script()
                            + " (and keep such a file to statements that are safe to re-run), or move the"
                            + " statement to a file of its own"));
        }
        return Optional.empty();
    }

    private static Problem problem(ProblemKind kind, ResolvedMigration file, int line, String message, String fix) {
        return new Problem(kind, file.script(), file.id().versionNumber(),
                file.path() + ":" + line + ": " + message, fix);
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " …";
    }
}

package dev.strata.migrations.plan;

import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.ScriptDirectives;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.sql.ScriptLexicon;
import dev.strata.migrations.sql.SqlSplitter;
import dev.strata.migrations.sql.SqlSyntaxException;

import java.util.List;
import java.util.Optional;

/**
 * Reads one file for what running it takes: splits it into statements, reads its directives, settles its transaction
 * mode and checks every statement can run in that mode. The one place this is done, for pending versioned and
 * repeatable files ({@link Planner}, {@link RepeatablePlanner}, through the per-run cache {@link PreparationCache}) and
 * for undo files ({@link UndoPlanner}, and every plan, so that {@code validate} refuses an undo file that
 * {@code undo} would refuse). A pure function of the file and the mode.
 */
final class FilePreparer {
    private FilePreparer() {
    }

    static Preparation prepare(ResolvedMigration file, NonTransactionalFiles configured) {
        NonTransactionalFiles mode = configured.forLayout(file.layout());
        List<SqlStatement> statements;
        ScriptLexicon lexicon;
        try {
            statements = SqlSplitter.split(file.content());
            lexicon = SqlSplitter.lexicon(file.content());
        } catch (SqlSyntaxException e) {
            return new Preparation.Refused(new Problem(ProblemKind.UNPARSEABLE, file.script(),
                    file.id().versionNumber(),
                    file.path() + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(),
                    "fix the file; nothing was applied"));
        }
        ScriptDirectives directives;
        try {
            directives = DirectiveReader.read(file.content(), lexicon, statements.stream().findFirst());
        } catch (DirectiveReader.InvalidDirectiveException e) {
            return new Preparation.Refused(new Problem(ProblemKind.INVALID_DIRECTIVE, file.script(),
                    file.id().versionNumber(),
                    file.path() + ":" + e.line() + ": " + e.getMessage(), "fix the directive; nothing was applied"));
        }
        directives = transactionMode(file, directives, statements, mode);
        // A file without statements (empty, or only comments) is a no-op: it runs nothing and is recorded.
        Optional<Problem> refused = StatementChecks.firstRefusal(file, directives, statements, lexicon, mode);
        if (refused.isPresent()) {
            return new Preparation.Refused(refused.get());
        }
        return new Preparation.Ready(new PendingMigration(file, directives, statements));
    }

    /** A directive decides; without one, the layout's file naming, then (in detect mode) the statements themselves. */
    private static ScriptDirectives transactionMode(ResolvedMigration file, ScriptDirectives directives,
                                                    List<SqlStatement> statements, NonTransactionalFiles mode) {
        if (directives.transactionDeclared()) {
            return directives;
        }
        if (file.layout().runsWithoutTransaction(file.script())) {
            return withoutTransaction(directives);
        }
        if (mode == NonTransactionalFiles.DETECT && !statements.isEmpty()
                && TransactionRequirement.allNeedNoTransaction(statements)) {
            return withoutTransaction(directives);
        }
        return directives;
    }

    /** As these, but without a transaction: what the layout or {@link NonTransactionalFiles#DETECT} found it needs. */
    private static ScriptDirectives withoutTransaction(ScriptDirectives directives) {
        return new ScriptDirectives(false, directives.timeouts(), directives.transactionDeclared());
    }
}

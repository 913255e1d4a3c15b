package dev.strata.migrations.execute;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.StrataException;

import java.util.Optional;

/**
 * A statement of a migration failed. A transactional migration was rolled back, so neither its changes nor a history
 * row remain. A non-transactional one keeps the statements before the failing one, and a failed history row says so.
 * Migrations applied earlier in the same run stay applied either way.
 */
public final class MigrationFailedException extends StrataException {
    private final SqlFailure failure;
    private final int appliedBeforeFailure;
    private final boolean transactional;

    /** @param context the failing file and how far the run got: what the message says stays applied */
    public MigrationFailedException(SqlFailure failure, FailureContext context, Throwable cause) {
        super(failure.describe() + "\n  " + outcome(context.transactional(), context.statementsApplied()),
                hint(failure, context), cause);
        this.failure = failure;
        this.appliedBeforeFailure = context.filesApplied();
        this.transactional = context.transactional();
    }

    private static String outcome(boolean transactional, int statementsApplied) {
        if (transactional) {
            return "The transaction was rolled back: the schema and the history are as before this file.";
        }
        return "This file ran without a transaction: " + (statementsApplied == 0 ? "no statement"
                : statementsApplied == 1 ? "statement 1" : "statements 1-" + statementsApplied)
                + " before the failing one stay applied, and a failed history row records where it stopped.";
    }

    private static String hint(SqlFailure failure, FailureContext context) {
        String command = context.command().invocation();
        String cause = causeAdvice(failure.sqlState(), failure.script(), command);
        if (context.transactional()) {
            return (cause == null ? "fix " + failure.script() : cause) + ", then run `" + command
                    + "` again: nothing of it was applied" + context.earlierFiles();
        }
        return (cause == null ? "" : cause + "; ") + "fix " + failure.script()
                + " so it can run again from the top (e.g. IF NOT EXISTS), then run "
                + "`strata repair` to remove the failed row and `" + command + "`" + context.earlierFiles();
    }

    /** For failures that are not the file's fault, what to do instead of editing it; null for the others. */
    private static String causeAdvice(String sqlState, String script, String command) {
        if (sqlState == null) {
            return null;
        }
        return switch (sqlState) {
            case "55P03" -> "another session holds a lock that " + script + " needs, and lock_timeout stopped the"
                    + " migration from queueing other sessions behind its own lock request; the file needs no fix:"
                    + " wait for that session (see pg_locks and pg_stat_activity) or end it";
            case "57014" -> "the statement was cancelled (statement_timeout, or a cancel request); if it needs longer,"
                    + " raise `-- strata:statement_timeout` in " + script + " or [migrations] statement_timeout";
            case "25006" -> "the database is read-only (a hot standby, or default_transaction_read_only is on);"
                    + " the file needs no fix: run `" + command + "` against the primary (status and diff work on a"
                    + " standby)";
            case "42501" -> "the migrating role lacks a privilege this statement needs: grant it (e.g. CREATE on the"
                    + " schema) or migrate as the owner of the objects";
            default -> null;
        };
    }

    public SqlFailure failure() {
        return failure;
    }

    public String script() {
        return failure.script();
    }

    public MigrationId id() {
        return failure.id();
    }

    public int appliedBeforeFailure() {
        return appliedBeforeFailure;
    }

    public boolean transactional() {
        return transactional;
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(failure.sqlState());
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.MIGRATION_FAILED;
    }
}

package dev.strata.cli;

import dev.strata.migrations.BaselineRefusedException;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.NonEmptySchemaException;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.adopt.AdoptionRefusedException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.drift.DriftDetectedException;
import dev.strata.migrations.execute.ConnectionLostException;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.MigrationInterruptedException;
import dev.strata.migrations.history.HistoryUnreadableException;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintInputException;
import dev.strata.migrations.lock.LockTimeoutException;
import dev.strata.migrations.lock.TransactionPoolingException;
import dev.strata.migrations.plan.UndoRefusedException;
import dev.strata.migrations.resolve.LayoutMixtureException;
import dev.strata.migrations.resolve.LocationNotFoundException;
import dev.strata.migrations.core.StrataException;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/** Maps each error type to its documented exit code, in one place. */
final class ExceptionExitCodes implements CommandLine.IExitCodeExceptionMapper {

    static ExitCode of(Throwable error) {
        if (error instanceof FleetFailedException fleet) {
            return fleet.exitCode();
        }
        if (error instanceof MigrationInterruptedException interrupted) {
            return StopSignals.exitCode(interrupted.reason());
        }
        if (error instanceof ValidationFailedException || error instanceof BaselineRefusedException
                || error instanceof UndoRefusedException || error instanceof DriftDetectedException
                || error instanceof AdoptionRefusedException || error instanceof LintFindingsException
                || error instanceof LintInputException) {
            return ExitCode.VALIDATION_FAILED;
        }
        if (error instanceof HistoryUnreadableException || error instanceof DatabaseOperationException) {
            return ExitCode.HISTORY_UNREADABLE;
        }
        if (error instanceof MigrationFailedException) {
            return ExitCode.MIGRATION_FAILED;
        }
        if (error instanceof DatabaseConnectionException || error instanceof ConnectionLostException
                || error instanceof EmbeddedDatabaseException) {
            return ExitCode.CANNOT_CONNECT;
        }
        if (error instanceof LockTimeoutException) {
            return ExitCode.LOCK_TIMEOUT;
        }
        if (error instanceof ConfigurationException || error instanceof NonEmptySchemaException
                || error instanceof TransactionPoolingException
                || error instanceof LocationNotFoundException || error instanceof LayoutMixtureException
                || error instanceof NewMigrationException || error instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.MIGRATION_FAILED;
    }

    /** The closing line's wording: the code's meaning, narrowed to this failure where the code covers several. */
    static String wording(Throwable error, ExitCode code) {
        if (error instanceof FleetFailedException) {
            return (code == ExitCode.INTERRUPTED || code == ExitCode.TERMINATED ? "the fleet run was stopped ("
                    : "a fleet target failed (") + code.meaning() + ")";
        }
        if (error instanceof MigrationFailedException failed) {
            return failed.transactional() ? "a migration failed; its transaction was rolled back"
                    : "a migration without a transaction failed part-way; the statements before the failing one stay"
                    + " applied";
        }
        if (!(error instanceof StrataException || error instanceof CommandLine.ParameterException
                || error instanceof UncheckedIOException)) {
            return "an unexpected error, which is a bug in Strata: please report it with the output of STRATA_DEBUG=1";
        }
        return code.meaning();
    }

    @Override
    public int getExitCode(Throwable error) {
        return of(error).code();
    }
}

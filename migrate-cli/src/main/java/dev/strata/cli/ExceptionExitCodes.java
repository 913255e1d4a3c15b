package dev.strata.cli;

import dev.strata.migrations.BaselineRefusedException;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.drift.DriftDetectedException;
import dev.strata.migrations.execute.ConnectionLostException;
import dev.strata.migrations.execute.MigrationFailedException;
import dev.strata.migrations.execute.MigrationInterruptedException;
import dev.strata.migrations.lock.LockTimeoutException;
import dev.strata.migrations.plan.UndoRefusedException;
import dev.strata.migrations.resolve.LocationNotFoundException;
import picocli.CommandLine;

/** Maps each error type to its documented exit code, in one place. */
final class ExceptionExitCodes implements CommandLine.IExitCodeExceptionMapper {

    static ExitCode of(Throwable error) {
        if (error instanceof MigrationInterruptedException interrupted) {
            return StopSignals.exitCode(interrupted.reason());
        }
        if (error instanceof ValidationFailedException || error instanceof BaselineRefusedException
                || error instanceof UndoRefusedException || error instanceof DriftDetectedException) {
            return ExitCode.VALIDATION_FAILED;
        }
        if (error instanceof MigrationFailedException || error instanceof DatabaseOperationException) {
            return ExitCode.MIGRATION_FAILED;
        }
        if (error instanceof DatabaseConnectionException || error instanceof ConnectionLostException
                || error instanceof EmbeddedDatabaseException) {
            return ExitCode.CANNOT_CONNECT;
        }
        if (error instanceof LockTimeoutException) {
            return ExitCode.LOCK_TIMEOUT;
        }
        if (error instanceof ConfigurationException || error instanceof LocationNotFoundException
                || error instanceof NewMigrationException || error instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.MIGRATION_FAILED;
    }

    @Override
    public int getExitCode(Throwable error) {
        return of(error).code();
    }
}

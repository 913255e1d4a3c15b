package dev.strata.cli;

import dev.strata.cli.fleet.FleetFailedException;
import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.execute.MigrationFailedException;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/** Maps each error to its documented exit code, in one place: a Strata error by its kind, anything else by type. */
public final class ExceptionExitCodes implements CommandLine.IExitCodeExceptionMapper {

    static ExitCode of(Throwable error) {
        if (error instanceof StrataException strata) {
            return of(strata.kind());
        }
        if (error instanceof CommandLine.ParameterException || error instanceof UncheckedIOException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    static ExitCode of(ErrorKind kind) {
        return switch (kind) {
            case MIGRATION_FAILED, REPLAY_FAILED, GENERATION_FAILED -> ExitCode.MIGRATION_FAILED;
            case CONFIGURATION, REFUSED -> ExitCode.USAGE;
            case CANNOT_CONNECT -> ExitCode.CANNOT_CONNECT;
            case VALIDATION_FAILED -> ExitCode.VALIDATION_FAILED;
            case LOCK_TIMEOUT -> ExitCode.LOCK_TIMEOUT;
            case HISTORY_UNREADABLE -> ExitCode.HISTORY_UNREADABLE;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
            case TERMINATED -> ExitCode.TERMINATED;
            case INTERNAL -> ExitCode.INTERNAL_ERROR;
        };
    }

    /** The closing line's wording: the code's meaning, narrowed to this failure where the code covers several. */
    public static String wording(Throwable error, ExitCode code) {
        if (error instanceof FleetFailedException) {
            return (code == ExitCode.INTERRUPTED || code == ExitCode.TERMINATED ? "the fleet run was stopped ("
                    : "a fleet target failed (") + code.meaning() + ")";
        }
        if (error instanceof MigrationFailedException failed) {
            return failed.transactional() ? "a migration failed; its transaction was rolled back"
                    : "a migration without a transaction failed part-way; the statements before the failing one stay"
                    + " applied";
        }
        if (error instanceof StrataException strata) {
            return switch (strata.kind()) {
                case REPLAY_FAILED -> "an applied migration failed when replayed on the scratch database; the"
                        + " database itself was not changed";
                case GENERATION_FAILED -> "code generation failed; no migration was run";
                default -> code.meaning();
            };
        }
        if (error instanceof UncheckedIOException) {
            return "a file or directory could not be read or written";
        }
        return code.meaning();
    }

    @Override
    public int getExitCode(Throwable error) {
        return of(error).code();
    }
}

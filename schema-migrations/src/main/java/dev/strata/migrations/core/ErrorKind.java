package dev.strata.migrations.core;

/**
 * What kind of failure a {@link StrataException} reports, declared by each exception type. Front ends decide their
 * reaction (the CLI's exit code, a fleet target's outcome) with a {@code switch} over it, so a new kind does not
 * compile until every front end has said what it means, and no error falls through to another's meaning.
 */
public enum ErrorKind {
    /** A statement of a migration (or its commit) failed on the database being migrated. */
    MIGRATION_FAILED,
    /** An applied migration failed when replayed on a scratch database (diff, lint); the target was not changed. */
    REPLAY_FAILED,
    /** Code generation failed: its embedded server or the generator. */
    GENERATION_FAILED,
    /** Bad configuration or input that the user fixes before running again. */
    CONFIGURATION,
    /** The run was refused before it changed anything: a schema Strata did not build, a pooler in transaction mode. */
    REFUSED,
    /** The database (or the embedded server) could not be reached, or the connection was lost during the run. */
    CANNOT_CONNECT,
    /** The migrations or the schema are not in a state the command accepts: plan problems, drift, lint findings. */
    VALIDATION_FAILED,
    /** The migration lock was not acquired in time. */
    LOCK_TIMEOUT,
    /** The history table cannot be read or written. */
    HISTORY_UNREADABLE,
    /** The run was stopped from outside by SIGINT (or an interruption other than SIGTERM). */
    INTERRUPTED,
    /** The run was stopped from outside by SIGTERM. */
    TERMINATED,
    /** Something Strata did not expect: a bug, never the user's input. */
    INTERNAL
}

package dev.strata.migrations.core;

/** Everything that makes a migration plan unsafe to apply. Each is a validation failure. */
public enum ProblemKind {
    /** An applied file whose content changed since it was applied. */
    EDITED,
    /** An applied version with no file on disk, older than the newest file. */
    MISSING,
    /** An applied version newer than every file: the database is ahead of the code. */
    FUTURE,
    /** A pending file older than the newest applied version, with {@code out_of_order = false}. */
    OUT_OF_ORDER,
    /** A history row recording a failed migration. */
    FAILED,
    /** An undo file {@code U<version>__<description>.sql} whose version has no {@code V} file. */
    UNDO_WITHOUT_MIGRATION,
    /** Two files with the same version (two V files, or two U files). */
    DUPLICATE_VERSION,
    /** A {@code .sql} file whose name does not follow {@code V<version>__<description>.sql}. */
    MISNAMED,
    /** A file that is not valid UTF-8 text, or holds a NUL character. */
    INVALID_ENCODING,
    /** A file the statement splitter cannot read, such as an unterminated string or dollar quote. */
    UNPARSEABLE,
    /** A malformed or unknown {@code -- strata:} directive. */
    INVALID_DIRECTIVE,
    /** A statement that cannot run in a transaction (e.g. CREATE INDEX CONCURRENTLY) in a transactional file. */
    NEEDS_NO_TRANSACTION,
    /** A statement that ends or starts the transaction a transactional file runs in (COMMIT, ROLLBACK, BEGIN…). */
    TRANSACTION_CONTROL,
    /** Something only psql can run: a meta-command line ({@code \set}, {@code \i}, …) or COPY FROM STDIN/TO STDOUT. */
    CLIENT_COMMAND,
    /** A history row this version of Strata cannot read. */
    UNREADABLE_HISTORY,
    /**
     * A file at another position in numeric than in string version order, in locations whose layouts order versions
     * differently (one as numbers, one as strings), so that no order is both tools'.
     */
    VERSION_ORDER,
    /** A migration written in Go beside a golang-migrate, goose or popx folder's SQL files: Strata cannot run it. */
    GO_MIGRATION
}

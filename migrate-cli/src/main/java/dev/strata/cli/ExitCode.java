package dev.strata.cli;

/** The documented exit codes of {@code strata}; listed in {@code --help}, the README and docs/cli.md. */
public enum ExitCode {
    SUCCESS(0, "success"),
    MIGRATION_FAILED(1, "a migration failed: a transactional file was rolled back; a non-transactional file keeps"
            + " the statements before the failing one, recorded in a failed history row"),
    USAGE(2, "usage or configuration error"),
    CANNOT_CONNECT(3, "cannot connect to the database, or lost the connection during the run"),
    VALIDATION_FAILED(4,
            "validation failed: edited, missing, future, out-of-order, failed or bad files; baseline, undo or adopt refused;"
                    + " schema drift found by diff; a lint finding at the --fail-on level"),
    LOCK_TIMEOUT(5, "lock not acquired within lock_timeout"),
    HISTORY_UNREADABLE(6, "the history table cannot be read or written: the role lacks a privilege on it, it is not a"
            + " Strata history table, or a row holds a value Strata cannot read; nothing was changed"),
    INTERNAL_ERROR(70, "an unexpected error, which is a bug in Strata: please report it with the output of"
            + " STRATA_DEBUG=1"),
    INTERRUPTED(130, "stopped by SIGINT: a transactional file was rolled back, a non-transactional one recorded as failed"
            + " where it stopped"),
    TERMINATED(143, "stopped by SIGTERM: a transactional file was rolled back, a non-transactional one recorded as"
            + " failed where it stopped");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Entries for picocli's exit code list, in code order. */
    static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (ExitCode exitCode : values()) {
            entries.put(" " + exitCode.code, exitCode.meaning);
        }
        return entries;
    }
}

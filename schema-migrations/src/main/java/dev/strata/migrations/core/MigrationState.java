package dev.strata.migrations.core;

/** The state of one migration as {@code strata status} shows it. */
public enum MigrationState {
    APPLIED("applied"),
    PENDING("pending"),
    FAILED("failed"),
    EDITED("edited"),
    MISSING("missing"),
    FUTURE("future"),
    OUT_OF_ORDER("out of order"),
    BASELINE("baseline"),
    BELOW_BASELINE("below baseline"),
    /** The last history row of the version records an undo; its file, if still there, is pending again. */
    UNDONE("undone"),
    /** A repeatable migration whose file changed since it last ran: it runs again, after the versioned files. */
    OUTDATED("outdated"),
    /** A repeatable migration that ran, whose file is gone: Strata no longer runs it and leaves what it made. */
    REMOVED("removed");

    private final String label;

    MigrationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

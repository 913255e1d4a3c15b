package dev.strata.migrations.plan;

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
    UNDONE("undone");

    private final String label;

    MigrationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

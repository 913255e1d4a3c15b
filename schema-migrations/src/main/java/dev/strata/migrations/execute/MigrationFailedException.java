package dev.strata.migrations.execute;

import dev.strata.migrations.core.StrataException;
import dev.strata.migrations.core.Version;

import java.util.Optional;

/**
 * A statement of a migration failed. Its transaction was rolled back, so neither the schema change nor the history
 * row remains; migrations applied earlier in the same run stay applied.
 */
public final class MigrationFailedException extends StrataException {
    private final SqlFailure failure;
    private final int appliedBeforeFailure;

    public MigrationFailedException(SqlFailure failure, int appliedBeforeFailure, Throwable cause) {
        super(failure.describe(), "fix " + failure.script() + " and run `strata migrate` again: nothing of it was applied"
                + (appliedBeforeFailure > 0 ? " (the " + appliedBeforeFailure
                + " migration(s) before it in this run were applied and recorded)" : ""), cause);
        this.failure = failure;
        this.appliedBeforeFailure = appliedBeforeFailure;
    }

    public SqlFailure failure() {
        return failure;
    }

    public String script() {
        return failure.script();
    }

    public Version version() {
        return failure.version();
    }

    public int appliedBeforeFailure() {
        return appliedBeforeFailure;
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(failure.sqlState());
    }
}

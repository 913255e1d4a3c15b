package dev.strata.migrations.fleet;

/** What a fleet run does on each target. */
public enum FleetCommand {
    /** Applies the pending migrations under the target's own lock. */
    MIGRATE,
    /** Checks files against the target's history; a target with problems fails. */
    VALIDATE,
    /** Reads the target's state, changing nothing; only an unreadable target fails. */
    STATUS,
    /** What migrate would apply on the target, changing nothing; a target with problems fails, as migrate would. */
    PLAN,
    /**
     * Compares the target's schema with its applied files replayed into the fleet's one scratch database, changing
     * nothing on the target; a drifted target fails. Run through {@link Fleet#diff}, which takes the scratch database.
     */
    DIFF,
    /** Records another tool's applied migrations in the target's Strata history. Run through {@link Fleet#adopt}. */
    ADOPT
}

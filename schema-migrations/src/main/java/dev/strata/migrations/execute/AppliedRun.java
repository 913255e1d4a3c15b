package dev.strata.migrations.execute;

import dev.strata.migrations.core.Version;

/**
 * One migration applied by this run.
 *
 * @param version null for a repeatable migration
 */
public record AppliedRun(Version version, String description, String script, int statements, int executionMs) {
}

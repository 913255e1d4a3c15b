package dev.strata.migrations.core;

/**
 * One migration applied by this run.
 *
 * @param version null for a repeatable migration
 */
public record AppliedFile(Version version, String description, String script, int statements, int executionMs) {
}

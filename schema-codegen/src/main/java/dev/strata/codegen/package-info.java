/**
 * Generates typed jOOQ classes for a project's migrations into its own package: resolve the files and fingerprint
 * them, skip when the generated {@code <package>.SchemaVersion} records the same fingerprint and settings, otherwise
 * apply them to an ephemeral embedded PostgreSQL with Strata's own {@link dev.strata.migrations.Migrator} and run
 * jOOQ's generator. Settings: {@link dev.strata.codegen.CodegenSettings}; work: {@link dev.strata.codegen.Regeneration};
 * front ends: the Maven plugin, {@code strata generate} and {@link dev.strata.codegen.Regenerate}.
 *
 * <p><b>Public API</b>: {@link dev.strata.codegen.CodegenSettings} and {@link dev.strata.codegen.Regeneration}
 * are documented for builds that call the generator from Java.
 */
package dev.strata.codegen;

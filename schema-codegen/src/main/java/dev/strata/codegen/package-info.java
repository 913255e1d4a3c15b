/**
 * Generates the typed jOOQ schema ({@code com.example.platform.schema} in examples/data-platform) from the migrations: resolve the files
 * and fingerprint them, skip when the committed code records the same fingerprint, otherwise apply them to an
 * ephemeral embedded PostgreSQL with Strata's own {@link dev.strata.migrations.Migrator} and run jOOQ's generator.
 * Entry point: {@link dev.strata.codegen.Regenerate}.
 */
package dev.strata.codegen;

/**
 * Values every step of the engine shares: {@link dev.strata.migrations.core.Version}, what a migration is known by
 * ({@link dev.strata.migrations.core.MigrationId}: its version, or a repeatable file's name),
 * {@link dev.strata.migrations.core.SchemaTable}, {@link dev.strata.migrations.core.Checksum},
 * {@link dev.strata.migrations.core.Problem}, a row of the history ({@link dev.strata.migrations.core.HistoryRow}), a
 * file a run applied ({@link dev.strata.migrations.core.AppliedFile}) and
 * {@link dev.strata.migrations.core.StrataException}, the base of every error Strata reports; and the settings' values
 * an application names in {@link dev.strata.migrations.MigrationSettings}: where the files are
 * ({@link dev.strata.migrations.core.Location}), how they are named ({@link dev.strata.migrations.core.Layout}, per
 * location {@link dev.strata.migrations.core.LocationLayouts}) and how a file that must run outside a transaction is
 * recognised ({@link dev.strata.migrations.core.NonTransactionalFiles}). Depends on nothing else of Strata.
 *
 * <p><b>Public API</b>: these values appear in the engine's and the runtime API's signatures.
 */
package dev.strata.migrations.core;

/**
 * Values every step of the engine shares: {@link dev.strata.migrations.core.Version},
 * {@link dev.strata.migrations.core.SchemaTable}, {@link dev.strata.migrations.core.Checksum},
 * {@link dev.strata.migrations.core.Problem} and {@link dev.strata.migrations.core.StrataException}, the base of every
 * error Strata reports; and the settings' values an application names in
 * {@link dev.strata.migrations.MigrationSettings}: where the files are ({@link dev.strata.migrations.core.Location}),
 * how they are named ({@link dev.strata.migrations.core.Layout}, per location
 * {@link dev.strata.migrations.core.LocationLayouts}) and how a file that must run outside a transaction is recognised
 * ({@link dev.strata.migrations.core.NonTransactionalFiles}). Depends on nothing else of Strata.
 *
 * <p><b>Public API</b>: these values appear in the engine's and the runtime API's signatures.
 */
package dev.strata.migrations.core;

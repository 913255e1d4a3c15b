/**
 * The first step of the engine: finds the migration files of the configured locations (class path or file system) in
 * their layout (Strata's names, or sqlx, golang-migrate, dbmate, diesel folders read unchanged), reads them as UTF-8
 * and checksums them, reporting misnamed, duplicate and unreadable files as problems.
 *
 * <p><b>Internal</b>: used by the engine and the toolkit's front ends; applications name locations and layouts through
 * {@link dev.strata.migrations.MigrationSettings} with the values of {@code core}. The files it resolves are
 * {@link dev.strata.migrations.core.ResolvedMigration}s, a public value of {@code core}.
 */
package dev.strata.migrations.resolve;

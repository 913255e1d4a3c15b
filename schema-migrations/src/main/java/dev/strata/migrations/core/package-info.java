/**
 * Values every step of the engine shares: {@link dev.strata.migrations.core.Version}, what a migration is known by
 * ({@link dev.strata.migrations.core.MigrationId}: its version, or a repeatable file's name),
 * {@link dev.strata.migrations.core.SchemaTable}, {@link dev.strata.migrations.core.Checksum},
 * {@link dev.strata.migrations.core.Problem}, a migration file ready to plan
 * ({@link dev.strata.migrations.core.ResolvedMigration}), a row of the history
 * ({@link dev.strata.migrations.core.HistoryRow}), the plan every command shares
 * ({@link dev.strata.migrations.core.MigrationPlan}: each migration's {@link dev.strata.migrations.core.PlanEntry} and
 * {@link dev.strata.migrations.core.MigrationState}, each {@link dev.strata.migrations.core.PendingMigration} with its
 * {@link dev.strata.migrations.core.ScriptDirectives} and {@link dev.strata.migrations.core.SqlStatement}s), a change
 * {@code repair} makes ({@link dev.strata.migrations.core.RepairAction}), a file a run applied
 * ({@link dev.strata.migrations.core.AppliedFile}) and {@link dev.strata.migrations.core.StrataException}, the base of
 * every error Strata reports; and the settings' values an application names in
 * {@link dev.strata.migrations.MigrationSettings}: where the files are ({@link dev.strata.migrations.core.Location}),
 * how they are named ({@link dev.strata.migrations.core.Layout}, per location
 * {@link dev.strata.migrations.core.LocationLayouts}) and how a file that must run outside a transaction is recognised
 * ({@link dev.strata.migrations.core.NonTransactionalFiles}). Depends on nothing else of Strata: the engine's steps
 * make these values (resolve reads the files; plan splits their statements, reads their directives and computes the
 * plan and the repairs), which only hold and describe what was found.
 *
 * <p><b>Public API</b>: these values appear in the engine's and the runtime API's signatures.
 */
package dev.strata.migrations.core;

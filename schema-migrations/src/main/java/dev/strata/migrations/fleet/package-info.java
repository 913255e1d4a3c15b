/**
 * Many targets (a database and a schema each, with its own history table and lock) migrated, validated or reported on
 * in one run: {@link dev.strata.migrations.fleet.FleetTargets} resolves the declared and discovered targets,
 * {@link dev.strata.migrations.fleet.Fleet} runs them with bounded parallelism and a failure policy and returns one
 * {@link dev.strata.migrations.fleet.FleetResult}; {@link dev.strata.migrations.fleet.ServerGate} keeps the
 * connections per server within the bound.
 *
 * <p><b>Internal</b>: the CLI's {@code --targets} options use it. {@code Fleet.migrateOne} is meant for applications
 * that migrate a tenant at sign-up; it becomes public API once its parameters no longer show internal types.
 */
package dev.strata.migrations.fleet;

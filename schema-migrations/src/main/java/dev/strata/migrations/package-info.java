/**
 * The migration engine's entry point: {@link dev.strata.migrations.Migrator} (plan, validate, migrate, undo, baseline,
 * repair) configured by {@link dev.strata.migrations.MigrationSettings} on a
 * {@link dev.strata.migrations.ConnectionSource}, with its results and the errors a front end maps to exit codes.
 *
 * <p><b>Public API</b>: applications and the toolkit's front ends call it. It builds on the steps resolve → history →
 * plan → execute, each an internal package of its own.
 */
package dev.strata.migrations;

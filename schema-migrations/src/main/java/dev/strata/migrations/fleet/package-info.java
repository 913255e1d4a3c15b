/**
 * Fleets: one command on many targets (databases, or tenants' schemas), each with its own history table and its own
 * migration lock, at most N at once on at most N + 1 connections per server, with one result per target.
 *
 * <p><b>Internal</b>: run by {@code strata … --targets}. {@link dev.strata.migrations.fleet.Fleet#migrateOne} is
 * shown in docs/fleet.md for applications, but its signatures still take configuration types (DatabaseSettings,
 * DatabaseUrl), which are internal; it becomes public API once they are not.
 */
package dev.strata.migrations.fleet;

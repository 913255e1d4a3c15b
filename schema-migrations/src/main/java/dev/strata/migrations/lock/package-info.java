/**
 * The migration lock: a PostgreSQL session-level advisory lock on a connection of its own, acquired within
 * {@code lock_timeout}, so that two runs never migrate one database at once.
 *
 * <p><b>Internal</b>: taken by the engine around a run.
 */
package dev.strata.migrations.lock;

/**
 * The database a command works on: the session opened from the configuration (a URL, or the embedded PostgreSQL of
 * solo mode), the scratch databases that lint, diff and plan --analyze replay migrations on, and the class path of
 * Java migrations.
 *
 * <p><b>Internal</b>: see {@link dev.strata.cli}.
 */
package dev.strata.cli.database;

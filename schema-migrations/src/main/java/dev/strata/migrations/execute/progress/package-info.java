/**
 * A run of migrations as seen from outside: the {@link dev.strata.migrations.execute.progress.ExecutionListener} that
 * follows it file by file (with the server's {@link dev.strata.migrations.execute.progress.ServerNotice}s), and the
 * {@link dev.strata.migrations.execute.progress.Interruption} that stops it from another thread. Part of the execute
 * step, which calls the listener and honours the interruption.
 *
 * <p><b>Public API</b>: applications and the toolkit's front ends pass them to
 * {@link dev.strata.migrations.Migrator}; the listener shows the resolved file and the file a run applied, values of
 * {@code core}.
 */
package dev.strata.migrations.execute.progress;

/**
 * A run of migrations as seen from outside: the {@link dev.strata.migrations.execute.progress.ExecutionListener} that
 * follows it file by file (with the server's {@link dev.strata.migrations.execute.progress.ServerNotice}s), and the
 * {@link dev.strata.migrations.execute.progress.Interruption} that stops it from another thread. Part of the execute
 * step, which calls the listener and honours the interruption.
 *
 * <p><b>Public API</b>: applications and the toolkit's front ends pass them to
 * {@link dev.strata.migrations.Migrator}; the listener still shows the resolved file and the applied run (listed by
 * the architecture rules until the identity refactor of issue #18).
 */
package dev.strata.migrations.execute.progress;

/**
 * The last step: runs the pending files of a plan, one transaction per file (or statement by statement outside one),
 * records each in the history, checks the lock before each commit, and reports progress to an
 * {@link dev.strata.migrations.execute.progress.ExecutionListener}.
 *
 * <p><b>Internal</b>: only the engine runs migrations. What an application sees of a run (the listener, the
 * interruption) is the public {@code execute.progress} package; the per-file results still appear in public
 * signatures (listed by the architecture rules until the identity refactor of issue #18).
 */
package dev.strata.migrations.execute;

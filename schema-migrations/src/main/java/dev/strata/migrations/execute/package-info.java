/**
 * The last step: runs the pending files of a plan, one transaction per file (or statement by statement outside one),
 * records each in the history, checks the lock before each commit, and reports progress to an
 * {@link dev.strata.migrations.execute.progress.ExecutionListener}.
 *
 * <p><b>Internal</b>: only the engine runs migrations. What an application sees of a run is public: each file it
 * applied is a {@link dev.strata.migrations.core.AppliedFile}, and the listener and the interruption are the
 * {@code execute.progress} package.
 */
package dev.strata.migrations.execute;

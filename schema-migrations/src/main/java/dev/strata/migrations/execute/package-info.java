/**
 * The last step: runs the pending files of a plan, one transaction per file (or statement by statement outside one),
 * records each in the history, checks the lock before each commit, and reports progress to an
 * {@link dev.strata.migrations.execute.ExecutionListener}.
 *
 * <p><b>Internal</b>: only the engine runs migrations; each file it applied is a
 * {@link dev.strata.migrations.core.AppliedFile}, a public value; the listener appears in public signatures (listed
 * by the architecture rules until the identity refactor of issue #18).
 */
package dev.strata.migrations.execute;

/**
 * The third step: from the resolved files and the history rows, one immutable
 * {@link dev.strata.migrations.plan.MigrationPlan} (each file's state, what is pending, every problem) that every
 * command shares; and the per-file preparation (directives, statements, transaction mode).
 *
 * <p><b>Internal</b>: a pure function of its inputs, used by the engine and the front ends; the plan itself is shown
 * through public signatures (listed by the architecture rules until the identity refactor of issue #18).
 */
package dev.strata.migrations.plan;

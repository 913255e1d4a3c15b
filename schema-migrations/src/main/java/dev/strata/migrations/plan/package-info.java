/**
 * The third step: from the resolved files and the history rows, one immutable
 * {@link dev.strata.migrations.core.MigrationPlan} (each file's state, what is pending, every problem) that every
 * command shares ({@link dev.strata.migrations.plan.Planner}, with the repeatable files' part and
 * {@link dev.strata.migrations.plan.UndoPlanner} for {@code undo}); what {@code repair} changes
 * ({@link dev.strata.migrations.plan.RepairPlanner}); and the per-file preparation: the {@code -- strata:} directives
 * ({@link dev.strata.migrations.plan.DirectiveReader}), the statements and the transaction mode.
 *
 * <p><b>Internal</b>: a pure function of its inputs, used by the engine and the front ends; the values it makes (the
 * plan, its entries and pending files, their directives, the repair actions) are public values of {@code core}.
 */
package dev.strata.migrations.plan;

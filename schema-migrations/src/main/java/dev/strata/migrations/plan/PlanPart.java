package dev.strata.migrations.plan;

import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * What one step of planning found: its entries, the files it adds to run (in the order they run) and its problems.
 * Each step returns one; {@link #join} puts them together in step order, which is the order problems are reported in.
 */
record PlanPart(List<PlanEntry> entries, List<PendingMigration> pending, List<Problem> problems) {
    static final PlanPart EMPTY = new PlanPart(List.of(), List.of(), List.of());

    PlanPart {
        entries = List.copyOf(entries);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    static PlanPart of(PlanEntry entry) {
        return new PlanPart(List.of(entry), List.of(), List.of());
    }

    static PlanPart of(PlanEntry entry, Problem problem) {
        return new PlanPart(List.of(entry), List.of(), List.of(problem));
    }

    /** The entry, with the file to run or the reason it cannot run. */
    static PlanPart of(PlanEntry entry, Preparation preparation) {
        return new PlanPart(List.of(entry), preparation.ready().stream().toList(), preparation.problems());
    }

    /** The parts one after the other. */
    static PlanPart join(List<PlanPart> parts) {
        List<PlanEntry> entries = new ArrayList<>();
        List<PendingMigration> pending = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (PlanPart part : parts) {
            entries.addAll(part.entries);
            pending.addAll(part.pending);
            problems.addAll(part.problems);
        }
        return new PlanPart(entries, pending, problems);
    }
}

package dev.strata.migrations.adopt;

import java.util.List;

/**
 * What another tool's history table says, read by that tool's {@link SourceTool}: the migrations it applied, the
 * rows that need no adoption (with why), and what stops adoption (with the tool's own fix).
 */
public record SourceHistory(List<SourceMigration> applied, List<String> notes, List<AdoptionPlan.Refusal> refusals) {
    public SourceHistory {
        applied = List.copyOf(applied);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
    }
}

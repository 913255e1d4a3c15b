package dev.strata.cli.output;

import dev.strata.migrations.drift.Excluded;
import dev.strata.migrations.drift.ObjectKey;
import dev.strata.migrations.drift.UnreplayedStep;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code strata diff}'s text that say what the comparison leaves out: what its exclusion patterns left
 * out, and the steps written in Go it cannot replay.
 */
final class DriftExclusionText {
    /** A pattern that leaves out more objects than this lists only the first ones by name (JSON lists all). */
    private static final int NAMED = 5;

    private DriftExclusionText() {
    }

    /**
     * {@code Excluded: table:*.flyway_schema_history (default: another tool's history table …): table
     * public.flyway_schema_history}, one line per pattern; none when nothing was excluded.
     */
    public static List<String> lines(List<Excluded> excluded) {
        List<String> lines = new ArrayList<>();
        for (Excluded pattern : excluded) {
            lines.add("Excluded: " + pattern.pattern() + " (" + pattern.origin() + "): " + objects(pattern.objects()));
        }
        return lines;
    }

    /**
     * {@code Left out: migrations/2_backfill.go (version 2), a goose step written in Go …}, one line per step that
     * {@code migrations.skip_go_migrations} passes over: what it changed is in the database but in no replay.
     */
    public static List<String> skipped(List<UnreplayedStep> steps) {
        return steps.stream().map(step -> "Left out: " + step.path() + " (version " + step.version() + "), a "
                + step.layout() + " step written in Go that Strata cannot run (migrations.skip_go_migrations = true):"
                + " what it changed is in no replay, so the comparison excludes it").toList();
    }

    private static String objects(List<ObjectKey> objects) {
        if (objects.isEmpty()) {
            return "matched nothing in either database";
        }
        List<String> names = objects.stream().limit(NAMED).map(ObjectKey::toString).toList();
        String more = objects.size() > NAMED ? " and " + (objects.size() - NAMED) + " more" : "";
        return String.join(", ", names) + more;
    }
}

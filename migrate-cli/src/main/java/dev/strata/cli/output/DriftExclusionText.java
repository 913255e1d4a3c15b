package dev.strata.cli.output;

import dev.strata.migrations.drift.Excluded;
import dev.strata.migrations.drift.ObjectKey;

import java.util.ArrayList;
import java.util.List;

/** The lines of {@code strata diff}'s text that say what its exclusion patterns left out of the comparison. */
public final class DriftExclusionText {
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

    private static String objects(List<ObjectKey> objects) {
        if (objects.isEmpty()) {
            return "matched nothing in either database";
        }
        List<String> names = objects.stream().limit(NAMED).map(ObjectKey::toString).toList();
        String more = objects.size() > NAMED ? " and " + (objects.size() - NAMED) + " more" : "";
        return String.join(", ", names) + more;
    }
}

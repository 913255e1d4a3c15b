package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a tool's version order and Strata's disagree. Strata keeps history in numeric version order; a tool that
 * compares versions as strings (dbmate, diesel) would apply a folder with versions of different lengths in another
 * order, so such files are a problem (applying them silently in another order could build another schema). For a
 * tool that compares numbers, as Strata does, the files that a plain file listing shows in another order are only
 * noted.
 */
final class VersionOrderCheck {

    /** Problems (string-ordered tools) or notes (numeric ones), never both. */
    record Findings(List<Problem> problems, List<String> notes) {
    }

    private VersionOrderCheck() {
    }

    /** @param migrations in Strata's (numeric) order */
    static Findings check(LayoutRules.VersionOrder order, List<ResolvedMigration> migrations) {
        List<ResolvedMigration> byString = new ArrayList<>(migrations);
        byString.sort(Comparator.comparing((ResolvedMigration migration) -> migration.version().toString())
                .thenComparing(ResolvedMigration::path));
        List<ResolvedMigration> moved = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i) != byString.get(i)) {
                moved.add(migrations.get(i));
            }
        }
        if (moved.isEmpty()) {
            return new Findings(List.of(), List.of());
        }
        List<String> names = moved.stream().map(ResolvedMigration::path).toList();
        if (order == LayoutRules.VersionOrder.NUMERIC) {
            return new Findings(List.of(), List.of("versions compared as numbers (as the tool does): "
                    + String.join(", ", names) + " sort differently as strings (a file listing shows them in"
                    + " another order than they run in)"));
        }
        List<Problem> problems = new ArrayList<>();
        for (ResolvedMigration migration : moved) {
            problems.add(new Problem(ProblemKind.VERSION_ORDER, migration.script(), migration.version(),
                    migration.path() + " (version " + migration.version() + ") is at another position when versions"
                            + " are compared as strings (as the tool did) than as numbers (as Strata does); the"
                            + " files that move: " + String.join(", ", names),
                    "give the versions the same number of digits (pad with leading zeros), so both orders agree"));
        }
        return new Findings(problems, List.of());
    }
}

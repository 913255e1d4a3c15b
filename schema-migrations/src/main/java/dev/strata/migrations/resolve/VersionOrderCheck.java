package dev.strata.migrations.resolve;

import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.VersionOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Files whose position differs between string and numeric version order (versions of different widths: 9 and 10,
 * or 14- and 18-digit timestamps). Strata runs a folder in its layout's own order, so such files are a warning
 * naming each: converting the folder to another tool's layout, or adopting it into one, would run them in the other
 * order. When the locations' layouts order versions differently, no order is both tools', so each such file is a
 * problem instead.
 */
final class VersionOrderCheck {

    /** Problems (layouts that disagree) or a warning note (one order), never both. */
    record Findings(List<Problem> problems, List<String> notes) {
    }

    private VersionOrderCheck() {
    }

    /**
     * @param order        the order the files run in
     * @param layoutsAgree whether every location's layout orders versions as {@code order} does
     * @param migrations   in {@code order}, one per version
     */
    static Findings check(VersionOrder order, boolean layoutsAgree, List<ResolvedMigration> migrations) {
        VersionOrder other = order == VersionOrder.NUMERIC ? VersionOrder.STRING : VersionOrder.NUMERIC;
        List<ResolvedMigration> otherOrder = new ArrayList<>(migrations);
        otherOrder.sort(Comparator.comparing(ResolvedMigration::id, MigrationId.order(other))
                .thenComparing(ResolvedMigration::path));
        List<ResolvedMigration> moved = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i) != otherOrder.get(i)) {
                moved.add(migrations.get(i));
            }
        }
        if (moved.isEmpty()) {
            return new Findings(List.of(), List.of());
        }
        List<String> names = moved.stream().map(ResolvedMigration::path).toList();
        if (layoutsAgree) {
            return new Findings(List.of(), List.of("warning: versions are compared as " + describe(order)
                    + ", as the layout's tool does; compared as " + describe(other) + " (a file listing, or a folder"
                    + " converted to or adopted into a tool that does) these files would run at another position: "
                    + String.join(", ", names)));
        }
        List<Problem> problems = new ArrayList<>();
        for (ResolvedMigration migration : moved) {
            problems.add(new Problem(ProblemKind.VERSION_ORDER, migration.script(),
                    migration.id().versionNumber(), migration.path() + " (" + migration.id().describe()
                            + ") is at another position when versions"
                            + " are compared as strings (as dbmate, diesel and popx do) than as numbers (as Strata,"
                            + " sqlx, golang-migrate and goose do), and the locations' layouts disagree on which;"
                            + " the files that move: " + String.join(", ", names),
                    "give the versions the same number of digits (pad with leading zeros), so both orders agree"));
        }
        return new Findings(problems, List.of());
    }

    private static String describe(VersionOrder order) {
        return order == VersionOrder.NUMERIC ? "numbers" : "strings";
    }
}

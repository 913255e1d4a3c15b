package dev.strata.migrations.resolve;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.SkippedGoStep;
import dev.strata.migrations.core.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Migrations written in Go ({@code <version>_<name>.go}) beside the SQL files of a golang-migrate, goose or popx
 * folder: steps Strata cannot run. Each is a problem naming it, unless {@code migrations.skip_go_migrations} accepts
 * skipping them, when each is a {@link SkippedGoStep} (named in a note); never passed over unseen.
 */
final class GoMigrations {
    private static final Pattern NAME = Pattern.compile("(\\d+)_\\w+\\.go");

    record Findings(List<Problem> problems, List<SkippedGoStep> skipped) {
    }

    private GoMigrations() {
    }

    static Findings check(Layout layout, List<ScriptFile> companions, boolean skip) {
        List<Problem> problems = new ArrayList<>();
        List<SkippedGoStep> skipped = new ArrayList<>();
        for (ScriptFile file : companions) {
            Matcher matcher = NAME.matcher(file.name());
            if (!matcher.matches() || file.name().endsWith("_test.go")) {
                continue;
            }
            Version version = Version.parse(matcher.group(1));
            if (skip) {
                skipped.add(new SkippedGoStep(file.path(), version, layout));
            } else {
                problems.add(new Problem(ProblemKind.GO_MIGRATION, file.name(), Optional.of(version),
                        file.path() + " (version " + version + ") is a " + layout + " migration written in Go,"
                                + " which Strata cannot run",
                        "rewrite it in SQL as a migration of this folder, or set migrations.skip_go_migrations ="
                                + " true to skip it (each skipped file is then named in status and plan)"));
            }
        }
        return new Findings(problems, skipped);
    }
}

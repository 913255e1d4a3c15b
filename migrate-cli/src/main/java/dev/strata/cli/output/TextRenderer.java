package dev.strata.cli.output;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.lint.LintReport;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The text output, for people: sentences, the status table, a line per file as a run goes. */
final class TextRenderer implements Renderer {
    private final PrintWriter out;
    private final Optional<PrintWriter> progress;
    /** The progress line of the fleet run under way, cleared before its summary. */
    private Optional<FleetProgress> fleetProgress = Optional.empty();

    TextRenderer(PrintWriter out, Optional<PrintWriter> progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public void status(String database, String locations, MigrationPlan plan) {
        out.println("Database: " + database);
        out.println();
        if (plan.entries().isEmpty()) {
            out.println("No migrations found in " + locations + ".");
        } else {
            PlanText.printTable(plan, out);
        }
        out.println();
        out.println(PlanText.summary(plan));
        PlanText.printProblems(plan.problems(), out);
    }

    @Override
    public void validated(String database, MigrationPlan plan) {
        out.println("Validated " + Plural.of(plan.entries().size(), "migration") + " against " + database
                + ": no problems, " + plan.pending().size() + " pending.");
    }

    @Override
    public void baselined(String database, HistoryRow row) {
        out.println("Baselined " + database + " at " + row.id().describe()
                + ": files up to it will not be run; `strata migrate` applies the newer ones.");
    }

    @Override
    public void repaired(String database, List<RepairAction> actions) {
        if (actions.isEmpty()) {
            out.println("Nothing to repair in " + database + ": no edited files, no failed rows.");
            return;
        }
        out.println("Repaired the history of " + database + ":");
        actions.forEach(action -> out.println("  " + action.describe()));
        out.println(actions.size() + (actions.size() == 1 ? " change." : " changes."));
    }

    @Override
    public void planRead(String database, MigrationPlan plan) {
        out.println("Plan for " + database + " (current version: " + SchemaVersionText.current(plan.current()) + ")");
    }

    @Override
    public void planned(MigrationPlan plan, Optional<LintReport> analysis) {
        if (plan.pending().isEmpty()) {
            out.println("No pending migrations. Database is up to date.");
            return;
        }
        for (PendingMigration pending : plan.pending()) {
            PlanText.printPending(pending, out);
        }
        out.println();
        out.println(plan.pending().size() + " pending migration" + (plan.pending().size() == 1 ? "" : "s")
                + " would bring the schema " + SchemaVersionText.at(plan.target()).replaceFirst("^at ", "to ")
                + ". Nothing was changed.");
        analysis.ifPresent(lint -> {
            out.println();
            LintText.print(lint, "the pending migrations (--analyze)", out);
        });
    }

    @Override
    public ExecutionListener migrating(String database) {
        out.println("Migrating " + database);
        out.flush();
        return new ProgressLines(out);
    }

    @Override
    public void migrated(MigrateResult result) {
        String version = SchemaVersionText.at(result.plan().target());
        if (result.nothingToDo()) {
            out.println("Schema is up to date " + version + ": no migration to apply.");
        } else {
            out.printf(Locale.ROOT, "Applied %s in %.2f s. Schema is now %s.%n",
                    Plural.of(result.applied().size(), "migration"), result.elapsed().toMillis() / 1000.0, version);
        }
    }

    /** The heading waits for the first undo file: a refused undo must not look as if it had started. */
    @Override
    public ExecutionListener undoing(String database) {
        return new ProgressLines(out, Optional.of("Undoing in " + database));
    }

    @Override
    public void undone(UndoResult result) {
        String version = SchemaVersionText.at(result.current());
        if (result.nothingToDo()) {
            out.println("Nothing to undo: schema is " + version + ".");
        } else {
            out.printf(Locale.ROOT, "Undid %s in %.2f s. Schema is now %s.%n",
                    Plural.of(result.undone().size(), "migration"), result.elapsed().toMillis() / 1000.0, version);
        }
    }

    @Override
    public void adopted(String database, SchemaTable history, AdoptionPlan plan, boolean dryRun) {
        AdoptionText.print(database, history, plan, dryRun, out);
    }

    @Override
    public void compared(String database, String scratch, DriftReport drift) {
        DriftText.print(drift, database, scratch, out);
    }

    @Override
    public void linted(String scope, LintReport lint) {
        LintText.print(lint, scope, out);
    }

    @Override
    public FleetListener fleetStarting(FleetCommand command, int targets, FleetOptions options) {
        FleetText.heading(command, targets, options, out);
        fleetProgress = progress.map(err -> new FleetProgress(err, targets));
        return fleetProgress.map(FleetListener.class::cast).orElse(FleetListener.NONE);
    }

    @Override
    public void fleetRan(FleetResult result) {
        fleetProgress.ifPresent(FleetProgress::clear);
        FleetText.print(result, out);
    }

    /** Each result was printed as it came. */
    @Override
    public void finished() {
    }
}

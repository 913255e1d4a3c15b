package dev.strata.cli.output;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
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
import java.util.Optional;

/**
 * The JSON output, for programs: the command's {@link JsonReport} gets each result value as it is learnt (so a
 * failure still reports what was known), and is printed once the command is done. The database was recorded when
 * the session opened.
 */
final class JsonRenderer implements Renderer {
    private final JsonReport report;
    private final PrintWriter out;
    private final SecretMasker masker;

    JsonRenderer(JsonReport report, PrintWriter out, SecretMasker masker) {
        this.report = report;
        this.out = out;
        this.masker = masker;
    }

    @Override
    public void status(String database, String locations, MigrationPlan plan) {
        report.plan(plan).print(out, masker);
    }

    @Override
    public void validated(String database, MigrationPlan plan) {
        report.plan(plan).print(out, masker);
    }

    @Override
    public void baselined(String database, HistoryRow row) {
        report.baselined(row).print(out, masker);
    }

    @Override
    public void repaired(String database, List<RepairAction> actions) {
        report.repaired(actions).print(out, masker);
    }

    @Override
    public void planRead(String database, MigrationPlan plan) {
        report.planWithStatements(plan);
    }

    @Override
    public void planned(MigrationPlan plan, Optional<LintReport> analysis) {
        analysis.ifPresent(report::lint);
        report.print(out, masker);
    }

    @Override
    public ExecutionListener migrating(String database) {
        return report.appliedListener();
    }

    @Override
    public void migrated(MigrateResult result) {
        report.migrated(result).print(out, masker);
    }

    @Override
    public ExecutionListener undoing(String database) {
        return report.undoneListener();
    }

    @Override
    public void undone(UndoResult result) {
        report.undone(result).print(out, masker);
    }

    @Override
    public void adopted(String database, SchemaTable history, AdoptionPlan plan, boolean dryRun) {
        report.adopted(plan, dryRun).print(out, masker);
    }

    @Override
    public void compared(String database, String scratch, DriftReport drift) {
        report.drift(drift);
    }

    @Override
    public void linted(String scope, LintReport lint) {
        report.lint(lint);
    }

    /** A program reads the summary: no progress on the way. */
    @Override
    public FleetListener fleetStarting(FleetCommand command, int targets, FleetOptions options) {
        return FleetListener.NONE;
    }

    @Override
    public void fleetRan(FleetResult result) {
        report.fleet(result);
    }

    @Override
    public void finished() {
        report.print(out, masker);
    }
}

package dev.strata.cli.output;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.RepairAction;

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
}

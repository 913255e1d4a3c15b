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
 * What a database command shows of its result, one implementation per output format: the command gathers the
 * values once and hands the same ones to whichever renderer {@code --output} chose, so the text and the JSON
 * document cannot tell different facts. {@code database} is the database as the text names it (password masked).
 */
public sealed interface Renderer permits TextRenderer, JsonRenderer {

    /** The renderer of {@code --output json} when {@code json}, else of text; both write to {@code out}. */
    static Renderer of(boolean json, JsonReport report, PrintWriter out, SecretMasker masker) {
        return json ? new JsonRenderer(report, out, masker) : new TextRenderer(out);
    }

    /** {@code strata status}: every migration with its state, and the problems; {@code locations} where files were looked for. */
    void status(String database, String locations, MigrationPlan plan);

    /** {@code strata validate} found no problem. */
    void validated(String database, MigrationPlan plan);

    /** {@code strata baseline} recorded {@code row}. */
    void baselined(String database, HistoryRow row);

    /** {@code strata repair} made these changes (none: nothing to repair). */
    void repaired(String database, List<RepairAction> actions);

    /** {@code strata plan} read the plan; called before its problems fail the command, so they are reported too. */
    void planRead(String database, MigrationPlan plan);

    /** {@code strata plan} has no problems: the pending files, and with {@code --analyze} what they do. */
    void planned(MigrationPlan plan, Optional<LintReport> analysis);

    /** {@code strata migrate} starts on {@code database}: what follows the run as it applies files. */
    ExecutionListener migrating(String database);

    void migrated(MigrateResult result);

    /** {@code strata undo} starts on {@code database}: what follows the run as it undoes files. */
    ExecutionListener undoing(String database);

    void undone(UndoResult result);
}

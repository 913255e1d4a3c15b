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
 * What a database command shows of its result, one implementation per output format: the command gathers the
 * values once and hands the same ones to whichever renderer {@code --output} chose, so the text and the JSON
 * document cannot tell different facts. {@code database} is the database as the text names it (password masked).
 */
public sealed interface Renderer permits TextRenderer, JsonRenderer {

    /**
     * The renderer of {@code --output json} when {@code json}, else of text; both write to {@code out}.
     * {@code progress} is where a person at a terminal watches a fleet run go (stderr); empty for a pipeline, whose
     * log gets the summary alone.
     */
    static Renderer of(boolean json, JsonReport report, PrintWriter out, SecretMasker masker,
                       Optional<PrintWriter> progress) {
        return json ? new JsonRenderer(report, out, masker) : new TextRenderer(out, progress);
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

    /**
     * {@code strata adopt} recorded {@code plan}'s rows (with {@code dryRun}: would record them) into {@code history}
     * of {@code database}.
     */
    void adopted(String database, SchemaTable history, AdoptionPlan plan, boolean dryRun);

    /**
     * {@code strata diff} compared {@code database} with its migrations replayed on {@code scratch}; called before
     * drift fails the command, so the comparison is reported then too.
     */
    void compared(String database, String scratch, DriftReport drift);

    /**
     * {@code strata lint} checked {@code scope} (which files of which database, replayed where, as the text names
     * it); called before {@code --fail-on} fails the command, so the findings are reported then too.
     */
    void linted(String scope, LintReport lint);

    /**
     * A {@code --targets} run of {@code command} starts on {@code targets} targets: what follows the run as targets
     * finish.
     */
    FleetListener fleetStarting(FleetCommand command, int targets, FleetOptions options);

    /** The fleet run is over; called before its failed targets fail the command, so they are reported too. */
    void fleetRan(FleetResult result);

    /** The command succeeded after {@link #compared}, {@link #linted} or {@link #fleetRan}: nothing more to learn. */
    void finished();
}

package dev.strata.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.ExitCode;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.RepairAction;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.lint.LintReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON document of one database command, built as the command learns its facts so that a failure can still
 * report what was known before it (for {@code migrate}: the files applied before the failing one). The keys are
 * documented in docs/cli.md ("Output"); a key is absent when the command never learnt that fact. Each fact is a
 * record ({@link JsonValues}, {@link DriftJson}, {@link LintJson}, {@link FleetJson}, {@link JsonError}) that Jackson
 * binds; the document only keeps their keys in the order they were learnt.
 */
public final class JsonReport {
    private final String command;
    private String database;
    /** Built on first use: every command gets a report, and a text-mode run should not load Jackson at all. */
    private ObjectNode document;
    /** The files the run applied (or undid) so far, in order. */
    private List<JsonValues.Run> runs = List.of();

    public JsonReport(String command) {
        this.command = command;
    }

    /** Which database, as the text prints it (password masked). */
    public JsonReport database(String description) {
        database = description;
        if (document != null) {
            document.put("database", description);
        }
        return this;
    }

    private ObjectNode document() {
        if (document == null) {
            document = JsonNodeFactory.instance.objectNode();
            // Inserted first so that every document starts the same way; later puts keep these positions.
            document.put("command", command);
            document.put("ok", true);
            document.put("database", database);
        }
        return document;
    }

    /** The versions, every entry with its state, the pending files (without their statements) and the problems. */
    public JsonReport plan(MigrationPlan plan) {
        return plan(plan, false);
    }

    /** As {@link #plan(MigrationPlan)}, with each pending file's statements: what {@code strata plan} shows. */
    public JsonReport planWithStatements(MigrationPlan plan) {
        return plan(plan, true);
    }

    private JsonReport plan(MigrationPlan plan, boolean withStatements) {
        return include(JsonValues.Plan.of(plan, withStatements));
    }

    /** Collects each applied file as the run goes, so a later failure still lists the files applied before it. */
    public ExecutionListener appliedListener() {
        return runListener("applied");
    }

    /** As {@link #appliedListener()}, for the undo files {@code undo} runs. */
    public ExecutionListener undoneListener() {
        return runListener("undone");
    }

    private ExecutionListener runListener(String key) {
        List<JsonValues.Run> runs = new ArrayList<>();
        this.runs = runs;
        document().set(key, Binder.MAPPER.valueToTree(runs));
        return new ExecutionListener() {
            @Override
            public void applied(AppliedFile run) {
                runs.add(JsonValues.Run.of(run));
                document().set(key, Binder.MAPPER.valueToTree(runs));
            }
        };
    }

    /** A finished {@code migrate}: the versions before and after, the files applied, and how long it took. */
    JsonReport migrated(MigrateResult result) {
        // The partial list (what a failure reports) gives way to the finished document's.
        document().remove("applied");
        return include(JsonValues.Migrated.of(result, runs));
    }

    /**
     * A finished {@code undo}: {@code currentVersion} before, {@code targetVersion} the version it is now at, and
     * how long it took.
     */
    JsonReport undone(UndoResult result) {
        document().remove("undone");
        return include(JsonValues.Undone.of(result, runs));
    }

    /** A finished {@code baseline}: the row it recorded. */
    JsonReport baselined(HistoryRow row) {
        document().set("baseline", Binder.MAPPER.valueToTree(JsonValues.Baseline.of(row)));
        return this;
    }

    /** A finished (or, with {@code dryRun}, planned) {@code adopt}: the rows recorded and those left alone. */
    JsonReport adopted(AdoptionPlan plan, boolean dryRun) {
        return include(JsonValues.Adopted.of(plan, dryRun));
    }

    /** A finished {@code repair}: every change, in version order. */
    JsonReport repaired(List<RepairAction> actions) {
        document().set("repairs", Binder.MAPPER.valueToTree(actions.stream().map(JsonValues.Repair::of).toList()));
        return this;
    }

    /** Where {@code strata diff} replays the migrations, known before the replay so a failure names it too. */
    public JsonReport scratch(String description) {
        document().put("scratch", description);
        return this;
    }

    /** A finished {@code strata lint}: every replayed statement with its measured facts and findings. */
    JsonReport lint(LintReport lint) {
        return include(LintJson.Lint.of(lint));
    }

    /** A finished {@code strata diff}: what was replayed, what is pending (not drift), and every difference. */
    JsonReport drift(DriftReport drift) {
        return include(DriftJson.Drift.of(drift));
    }

    /** A fleet run's targets, versions and totals. */
    JsonReport fleet(FleetResult result) {
        document().set("fleet", Binder.MAPPER.valueToTree(FleetJson.Fleet.of(result)));
        return this;
    }

    /** Marks the document failed, adds the error, and the plan a validation failure carries if not already there. */
    public JsonReport failed(Exception error, ExitCode code) {
        if (error instanceof ValidationFailedException validation && !document().has("entries")) {
            plan(validation.plan());
        }
        document().put("ok", false);
        document().set("error", Binder.MAPPER.valueToTree(JsonError.of(error, code)));
        return this;
    }

    public void print(PrintWriter out, SecretMasker masker) {
        JsonOutput.print(document(), masker, out);
    }

    /**
     * Adds a record's components as keys of the document, in the record's order (a key already there keeps its
     * place and takes the new value).
     */
    private JsonReport include(Record facts) {
        ObjectNode values = Binder.MAPPER.valueToTree(facts);
        values.properties().forEach(field -> document().set(field.getKey(), field.getValue()));
        return this;
    }

    /**
     * Binds the records of {@link JsonValues}; the document keeps the keys in the order they were learnt. A holder
     * class: every command makes a report, and a text-mode run should not load Jackson at all.
     */
    private static final class Binder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}

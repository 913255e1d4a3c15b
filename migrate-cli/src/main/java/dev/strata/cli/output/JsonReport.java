package dev.strata.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.ExitCode;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.RepairAction;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON document of one database command, built as the command learns its facts so that a failure can still
 * report what was known before it (for {@code migrate}: the files applied before the failing one). The keys are
 * documented in docs/cli.md ("Output"); a key is absent when the command never learnt that fact.
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
    public JsonReport adopted(AdoptionPlan plan, boolean dryRun) {
        ObjectNode document = document();
        document.put("tool", plan.tool());
        document.put("source", plan.source().toString());
        document.put("dryRun", dryRun);
        ArrayNode rows = document.putArray("adopted");
        for (AdoptionPlan.Adoption adoption : plan.adoptions()) {
            ObjectNode node = rows.addObject();
            node.put("version", JsonValues.text(adoption.id().versionNumber()));
            node.put("type", adoption.type().name());
            node.put("script", adoption.script());
            // null when the tool did not record it: the row then keeps the adopting user and the adoption time
            node.put("installedBy", adoption.source().installedBy().orElse(null));
            node.put("installedAt", adoption.source().installedOn().map(at -> DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .format(at.withOffsetSameInstant(ZoneOffset.UTC))).orElse(null));
            node.put("provenance", adoption.provenance());
        }
        ArrayNode notes = document.putArray("notAdopted");
        plan.notes().forEach(notes::add);
        return this;
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
    public JsonReport lint(LintReport lint) {
        document().set("statements", LintJson.statements(lint));
        document().put("findings", lint.open().size());
        lint.highest().ifPresent(severity -> document().put("highest", severity.label()));
        return this;
    }

    /** A finished {@code strata diff}: what was replayed, what is pending (not drift), and every difference. */
    public JsonReport drift(DriftReport drift) {
        document().put("currentVersion", JsonValues.text(drift.plan().current()));
        document().put("targetVersion", JsonValues.text(drift.plan().target()));
        ArrayNode replayed = document().putArray("replayed");
        drift.replayed().forEach(file -> replayed.addObject().put("script", file.script())
                .put("version", JsonValues.text(file.id().versionNumber()))
                .put("repeatable", file.id() instanceof MigrationId.Repeatable));
        document().set("pending", Binder.MAPPER.valueToTree(drift.pending().stream()
                .map(migration -> JsonValues.Pending.of(migration, false)).toList()));
        document().put("drifted", drift.drifted());
        document().put("summary", drift.diff().summary());
        document().set("differences", DriftJson.differences(drift.diff()));
        ArrayNode notes = document().putArray("notes");
        drift.diff().notes().forEach(notes::add);
        document().set("excluded", DriftJson.excluded(drift.excluded()));
        ArrayNode skipped = document().putArray("skippedGoSteps");
        drift.skippedGoSteps().forEach(step -> skipped.addObject().put("path", step.path())
                .put("version", step.version().toString()).put("layout", step.layout()));
        return this;
    }

    /** A fleet run's targets, versions and totals ({@code fleet.FleetJson}). */
    public JsonReport fleet(ObjectNode fleet) {
        document().set("fleet", fleet);
        return this;
    }

    /** Marks the document failed, adds the error, and the plan a validation failure carries if not already there. */
    public JsonReport failed(Exception error, ExitCode code) {
        if (error instanceof ValidationFailedException validation && !document().has("entries")) {
            plan(validation.plan());
        }
        document().put("ok", false);
        document().set("error", JsonError.of(error, code));
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

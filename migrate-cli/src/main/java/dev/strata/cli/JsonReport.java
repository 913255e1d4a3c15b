package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.drift.DriftReport;
import dev.strata.migrations.execute.AppliedRun;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.history.AppliedMigration;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.plan.MigrationPlan;
import dev.strata.migrations.plan.RepairAction;
import dev.strata.migrations.plan.PendingMigration;
import dev.strata.migrations.plan.PlanEntry;
import dev.strata.migrations.plan.ScriptDirectives;
import dev.strata.migrations.sql.SqlStatement;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The JSON document of one database command, built as the command learns its facts so that a failure can still
 * report what was known before it (for {@code migrate}: the files applied before the failing one). The keys are
 * documented in docs/cli.md ("Output"); a key is absent when the command never learnt that fact.
 */
final class JsonReport {
    private final String command;
    private String database;
    /** Built on first use: every command gets a report, and a text-mode run should not load Jackson at all. */
    private ObjectNode document;

    JsonReport(String command) {
        this.command = command;
    }

    /** Which database, as the text prints it (password masked). */
    JsonReport database(String description) {
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
    JsonReport plan(MigrationPlan plan) {
        return plan(plan, false);
    }

    /** As {@link #plan(MigrationPlan)}, with each pending file's statements: what {@code strata plan} shows. */
    JsonReport planWithStatements(MigrationPlan plan) {
        return plan(plan, true);
    }

    private JsonReport plan(MigrationPlan plan, boolean withStatements) {
        versions(plan);
        ArrayNode entries = document().putArray("entries");
        plan.entries().forEach(entry -> entries.add(entry(entry)));
        ArrayNode pending = document().putArray("pending");
        plan.pending().forEach(migration -> pending.add(pending(migration, withStatements)));
        ArrayNode problems = document().putArray("problems");
        plan.problems().forEach(problem -> problems.add(problem(problem)));
        return this;
    }

    /** {@code currentVersion}: where the database was when the command read it; {@code targetVersion}: where the pending files take it. */
    private void versions(MigrationPlan plan) {
        putVersion(document(), "currentVersion", plan.current());
        putVersion(document(), "targetVersion", plan.target());
    }

    /** Collects each applied file as the run goes, so a later failure still lists the files applied before it. */
    ExecutionListener appliedListener() {
        return runListener("applied");
    }

    /** As {@link #appliedListener()}, for the undo files {@code undo} runs. */
    ExecutionListener undoneListener() {
        return runListener("undone");
    }

    private ExecutionListener runListener(String key) {
        ArrayNode applied = document().putArray(key);
        return new ExecutionListener() {
            @Override
            public void applied(AppliedRun run) {
                ObjectNode node = applied.addObject();
                node.put("script", run.script());
                node.put("version", versionText(run.version()));
                node.put("description", run.description());
                node.put("statements", run.statements());
                node.put("executionMs", run.executionMs());
            }
        };
    }

    /** A finished {@code migrate}: the versions before and after, and how long it took. */
    JsonReport migrated(MigrateResult result) {
        // The versions are known only now; moving "applied" after them keeps the document in reading order.
        JsonNode applied = document().remove("applied");
        versions(result.plan());
        document().set("applied", applied);
        document().put("elapsedMs", result.elapsed().toMillis());
        return this;
    }

    /**
     * A finished {@code undo}: {@code currentVersion} before, {@code targetVersion} the version it is now at, and
     * how long it took.
     */
    JsonReport undone(UndoResult result) {
        JsonNode undone = document().remove("undone");
        putVersion(document(), "currentVersion", result.plan().current());
        putVersion(document(), "targetVersion", result.current());
        document().set("undone", undone);
        document().put("elapsedMs", result.elapsed().toMillis());
        return this;
    }

    /** A finished {@code baseline}: the row it recorded. */
    JsonReport baselined(AppliedMigration row) {
        ObjectNode baseline = document().putObject("baseline");
        baseline.put("version", row.version().toString());
        baseline.put("description", row.description());
        baseline.put("installedRank", row.installedRank());
        return this;
    }

    /** A finished (or, with {@code dryRun}, planned) {@code adopt}: the rows recorded and those left alone. */
    JsonReport adopted(AdoptionPlan plan, boolean dryRun) {
        ObjectNode document = document();
        document.put("tool", plan.tool());
        document.put("source", plan.source().toString());
        document.put("dryRun", dryRun);
        ArrayNode rows = document.putArray("adopted");
        for (AdoptionPlan.Adoption adoption : plan.adoptions()) {
            ObjectNode node = rows.addObject();
            node.put("version", versionText(adoption.version()));
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
        ArrayNode changes = document().putArray("repairs");
        for (RepairAction action : actions) {
            ObjectNode node = changes.addObject();
            node.put("kind", action.kind().name());
            node.put("script", action.script());
            node.put("version", versionText(action.version()));
            node.put("installedRank", action.installedRank());
            node.put("before", action.before());
            node.put("after", action.after());
        }
        return this;
    }

    /** Where {@code strata diff} replays the migrations, known before the replay so a failure names it too. */
    JsonReport scratch(String description) {
        document().put("scratch", description);
        return this;
    }

    /** A finished {@code strata lint}: every replayed statement with its measured facts and findings. */
    JsonReport lint(LintReport lint) {
        document().set("statements", LintJson.statements(lint));
        document().put("findings", lint.open().size());
        lint.highest().ifPresent(severity -> document().put("highest", severity.label()));
        return this;
    }

    /** A finished {@code strata diff}: what was replayed, what is pending (not drift), and every difference. */
    JsonReport drift(DriftReport drift) {
        versions(drift.plan());
        ArrayNode replayed = document().putArray("replayed");
        drift.replayed().forEach(file -> replayed.addObject().put("script", file.script())
                .put("version", versionText(file.version())).put("repeatable", file.isRepeatable()));
        ArrayNode pending = document().putArray("pending");
        drift.pending().forEach(migration -> pending.add(pending(migration, false)));
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

    /** A fleet run's targets, versions and totals ({@link FleetJson}). */
    JsonReport fleet(ObjectNode fleet) {
        document().set("fleet", fleet);
        return this;
    }

    /** Marks the document failed, adds the error, and the plan a validation failure carries if not already there. */
    JsonReport failed(Exception error, ExitCode code) {
        if (error instanceof ValidationFailedException validation && !document().has("entries")) {
            plan(validation.plan());
        }
        document().put("ok", false);
        document().set("error", JsonError.of(error, code));
        return this;
    }

    void print(PrintWriter out, SecretMasker masker) {
        JsonOutput.print(document(), masker, out);
    }

    /** A repeatable migration has no version: JSON null. */
    static String versionText(Version version) {
        return version == null ? null : version.toString();
    }

    private static ObjectNode entry(PlanEntry entry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", versionText(entry.version()));
        node.put("repeatable", entry.isRepeatable());
        node.put("description", entry.description());
        node.put("script", entry.script());
        node.put("state", entry.state().label());
        node.put("adopted", entry.adopted());
        node.put("adoptedFrom", entry.adoptedFrom().orElse(null));
        node.put("noOp", entry.isNoOp());
        node.put("installedAt", entry.installedAt()
                .map(at -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC)))
                .orElse(null));
        if (entry.executionMs().isPresent()) {
            node.put("executionMs", entry.executionMs().get());
        } else {
            node.putNull("executionMs");
        }
        return node;
    }

    private static ObjectNode pending(PendingMigration pending, boolean withStatements) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("script", pending.migration().script());
        node.put("version", versionText(pending.migration().version()));
        node.put("repeatable", pending.migration().isRepeatable());
        node.put("description", pending.migration().description());
        node.put("transactional", pending.directives().transactional());
        node.put("noOp", pending.statements().isEmpty());
        ObjectNode directives = node.putObject("directives");
        directives.put("transaction", pending.directives().transactional());
        directives.put("statementTimeout", pending.directives().timeouts().statementTimeout()
                .map(ScriptDirectives::durationText).orElse(null));
        directives.put("lockTimeout", pending.directives().timeouts().lockTimeout()
                .map(ScriptDirectives::durationText).orElse(null));
        if (withStatements) {
            List<SqlStatement> statements = pending.statements();
            ArrayNode array = node.putArray("statements");
            for (int i = 0; i < statements.size(); i++) {
                ObjectNode statement = array.addObject();
                statement.put("number", i + 1);
                statement.put("line", statements.get(i).line());
                statement.put("column", statements.get(i).column());
                statement.put("sql", statements.get(i).sql());
            }
        }
        return node;
    }

    private static ObjectNode problem(Problem problem) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", problem.kind().name());
        node.put("script", problem.script());
        putVersion(node, "version", problem.versionNumber());
        node.put("message", problem.message());
        node.put("hint", problem.hint());
        return node;
    }

    private static void putVersion(ObjectNode node, String key, Optional<Version> version) {
        node.put(key, version.map(Version::toString).orElse(null));
    }
}

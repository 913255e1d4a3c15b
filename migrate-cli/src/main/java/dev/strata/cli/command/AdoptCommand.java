package dev.strata.cli.command;

import dev.strata.cli.CliContext;
import dev.strata.cli.ExitCode;
import dev.strata.cli.database.DatabaseSession;
import dev.strata.cli.fleet.FleetRequest;
import dev.strata.cli.fleet.FleetRun;
import dev.strata.cli.fleet.TargetsOptions;
import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.adopt.AdoptionRefusedException;
import dev.strata.migrations.adopt.HistoryAdoption;
import dev.strata.migrations.adopt.SourceTool;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.fleet.FleetAdoption;
import dev.strata.migrations.fleet.FleetCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Iterator;
import java.util.Optional;

@Command(name = "adopt",
        description = {
                "Take over a database migrated by another tool: record what it applied in Strata's history, after"
                        + " checking that each file is the one that was applied.",
                "",
                "Reads the tool's history table (flyway_schema_history, _sqlx_migrations, golang-migrate's or dbmate's "
                        + "schema_migrations, __diesel_schema_migrations, goose_db_version, popx's schema_migration, "
                        + "temporal-sql-tool's schema_version; in the history table's schema, --table names "
                        + "another), finds each applied version's file in the migration locations, read with "
                        + "migrations.layout as `migrate` reads them, and compares the checksum the tool recorded: "
                        + "Flyway's CRC32, sqlx's SHA-384 (the other tools record none: files are "
                        + "matched by version). Every applied version is then recorded as an ADOPTED row, with the "
                        + "tool's install time and user where it kept them, in one transaction under the migration "
                        + "lock. The tool's table is only read.",
                "",
                "Refused (exit 4, nothing recorded) when the tool's state is not clean (a failed Flyway or sqlx row, "
                        + "golang-migrate's dirty flag), an applied version has no file, or a file was edited after it "
                        + "was applied (each listed, with the tool's own fix). Running it again adopts nothing. "
                        + "Afterwards `strata status` says where each adopted row came from and `strata migrate` "
                        + "applies only newer files."
        })
public final class AdoptCommand extends DatabaseCommand {

    AdoptCommand(CliContext context) {
        super("adopt", context);
    }

    /** The names {@code --from} takes, for help and completion. */
    static final class ToolNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SourceTool.all().stream().map(SourceTool::name).iterator();
        }
    }

    /** {@code --from NAME}: an unknown name is a usage error listing the known ones. */
    static final class ToolConverter implements CommandLine.ITypeConverter<SourceTool> {
        @Override
        public SourceTool convert(String value) {
            return SourceTool.named(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a tool Strata adopts from; expected one of "
                            + String.join(", ", new ToolNames())));
        }
    }

    @Option(names = "--from", required = true, paramLabel = "TOOL", converter = ToolConverter.class,
            completionCandidates = ToolNames.class,
            description = "The tool whose history to adopt: ${COMPLETION-CANDIDATES}.")
    private SourceTool from;

    @Option(names = "--table", paramLabel = "[SCHEMA.]TABLE",
            description = "The tool's history table (default: the tool's own name for it, in the schema of Strata's"
                    + " history table).")
    private String table;

    @Option(names = "--dry-run",
            description = "Show what would be recorded and record nothing.")
    private boolean dryRun;

    @Option(names = "--accept-edited",
            description = "Record files whose checksum differs from the one the tool recorded, as they are now "
                    + "(only when the edits were intended and the database matches them).")
    private boolean acceptEdited;

    @Mixin
    TargetsOptions targets;

    @Override
    public Integer call() {
        Optional<Integer> fleetRun = FleetRun.ifTargets(this, targets, FleetRequest.of(FleetCommand.ADOPT,
                (fleet, config, selected, options, listener, fleetContext) -> fleet.adopt(selected, options, listener,
                        fleetContext.interruption(), new FleetAdoption(from, Optional.ofNullable(table), dryRun,
                                acceptEdited))));
        if (fleetRun.isPresent()) {
            return fleetRun.get();
        }
        try (DatabaseSession session = openSession(context)) {
            SchemaTable source = sourceTable(session.historyTable());
            HistoryAdoption adoption = session.adoption(from, source);
            adoption.readingNotes().forEach(context.err()::println);
            AdoptionPlan plan = dryRun ? adoption.plan() : adoption.adopt(acceptEdited);
            if (dryRun && !plan.canAdopt(acceptEdited)) {
                throw AdoptionRefusedException.of(plan);
            }
            renderer().adopted(session.description(), session.historyTable(), plan, dryRun);
            return ExitCode.SUCCESS.code();
        }
    }

    /** {@code --table}: a bare name is looked up in the schema of Strata's own history table. */
    private SchemaTable sourceTable(SchemaTable history) {
        try {
            return from.historyTable(Optional.ofNullable(table), history);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--table: " + e.getMessage());
        }
    }
}

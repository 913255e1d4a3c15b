package dev.strata.cli;

import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.adopt.AdoptionRefusedException;
import dev.strata.migrations.adopt.FlywayAdoption;
import dev.strata.migrations.adopt.FlywayHistory;
import dev.strata.migrations.core.SchemaTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

@Command(name = "adopt",
        description = {
                "Take over a database migrated by another tool: record what it applied in Strata's history, after"
                        + " checking that each file is the one that was applied.",
                "",
                "For Flyway: reads flyway_schema_history (in the history table's schema; --table names another), "
                        + "finds each applied version's V<version>__<description>.sql file in the migration locations "
                        + "and compares Flyway's CRC32 with the file's. Every applied version is then recorded as an "
                        + "ADOPTED row with Flyway's install time and user, in one transaction under the migration "
                        + "lock; a Flyway baseline becomes a Strata baseline; an unchanged R__ file is recorded, a "
                        + "changed one is left for `strata migrate` to run again, as Flyway would have. Flyway's table "
                        + "is only read.",
                "",
                "Refused (exit 4, nothing recorded) when Flyway recorded a failed migration, an applied version has "
                        + "no file, or a file was edited after it was applied (each listed, with the fix). Running it "
                        + "again adopts nothing. Afterwards `strata status` marks the rows '(adopted)' and "
                        + "`strata migrate` applies only newer files."
        })
final class AdoptCommand extends DatabaseCommand {

    /** The tools Strata adopts the history of. */
    enum Tool {
        flyway
    }

    private static final DateTimeFormatter INSTALLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    AdoptCommand() {
        super("adopt");
    }

    @Option(names = "--from", required = true, paramLabel = "TOOL",
            description = "The tool whose history to adopt: ${COMPLETION-CANDIDATES}.")
    private Tool from;

    @Option(names = "--table", paramLabel = "[SCHEMA.]TABLE",
            description = "The tool's history table (default: " + FlywayHistory.DEFAULT_TABLE
                    + " in the schema of Strata's history table).")
    private String table;

    @Option(names = "--dry-run",
            description = "Show what would be recorded and record nothing.")
    private boolean dryRun;

    @Option(names = "--accept-edited",
            description = "Record files whose checksum differs from the one the tool recorded, as they are now "
                    + "(only when the edits were intended and the database matches them).")
    private boolean acceptEdited;

    @Override
    public Integer call() {
        CliContext context = strata.context();
        PrintWriter out = context.out();
        try (DatabaseSession session = openSession(context)) {
            SchemaTable source = sourceTable(session.historyTable());
            FlywayAdoption adoption = session.flywayAdoption(source);
            AdoptionPlan plan = dryRun ? adoption.plan() : adoption.adopt(acceptEdited);
            if (dryRun && !plan.canAdopt(acceptEdited)) {
                throw AdoptionRefusedException.of(plan);
            }
            if (output.json()) {
                report.adopted(plan, dryRun).print(out, context.masker());
                return ExitCode.SUCCESS.code();
            }
            print(plan, session, out);
            return ExitCode.SUCCESS.code();
        }
    }

    private void print(AdoptionPlan plan, DatabaseSession session, PrintWriter out) {
        if (plan.adoptions().isEmpty()) {
            out.println("Nothing to adopt from Flyway's " + plan.source() + " into " + session.historyTable()
                    + ": every migration Flyway applied is already in Strata's history.");
            printNotes(plan, out);
            return;
        }
        out.println((dryRun ? "Would adopt" : "Adopted") + " Flyway's " + plan.source() + " into "
                + session.historyTable() + " of " + session.description() + ":");
        for (AdoptionPlan.Adoption adoption : plan.adoptions()) {
            out.println("  " + (adoption.version() == null ? "repeatable" : "version " + adoption.version()) + "  "
                    + adoption.script() + "  " + adoption.type() + ", installed "
                    + INSTALLED_AT.format(adoption.source().installedOn().withOffsetSameInstant(ZoneOffset.UTC))
                    + " by " + adoption.source().installedBy() + "; " + adoption.check());
        }
        printNotes(plan, out);
        int count = plan.adoptions().size();
        if (dryRun) {
            out.println("Dry run: nothing was recorded. Run without --dry-run to record " + Plural.of(count, "row")
                    + ".");
        } else {
            out.println("Recorded " + Plural.of(count, "row") + ". `strata migrate` applies only newer files. Flyway's"
                    + " table " + plan.source() + " was left as it was: drop it once nothing runs Flyway any more.");
        }
    }

    private static void printNotes(AdoptionPlan plan, PrintWriter out) {
        if (!plan.notes().isEmpty()) {
            out.println("Not adopted:");
            plan.notes().forEach(note -> out.println("  " + note));
        }
    }

    /** {@code --table}: a bare name is looked up in the schema of Strata's own history table. */
    private SchemaTable sourceTable(SchemaTable history) {
        String name = table == null ? FlywayHistory.DEFAULT_TABLE : table;
        int dot = name.indexOf('.');
        try {
            return dot < 0 ? new SchemaTable(history.schema(), name)
                    : new SchemaTable(name.substring(0, dot), name.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--table: " + e.getMessage());
        }
    }
}

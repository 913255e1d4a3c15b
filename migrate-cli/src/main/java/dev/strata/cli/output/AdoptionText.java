package dev.strata.cli.output;

import dev.strata.migrations.adopt.AdoptionPlan;
import dev.strata.migrations.adopt.SourceMigration;
import dev.strata.migrations.core.SchemaTable;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code strata adopt} as text: each row recorded (or that would be), what was left alone, what to do next. */
final class AdoptionText {
    private static final DateTimeFormatter INSTALLED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private AdoptionText() {
    }

    static void print(String database, SchemaTable history, AdoptionPlan plan, boolean dryRun, PrintWriter out) {
        String tool = plan.tool();
        if (plan.adoptions().isEmpty()) {
            out.println("Nothing to adopt from " + tool + "'s " + plan.source() + " into " + history
                    + ": every migration " + tool + " applied is already in Strata's history.");
            printNotes(plan, out);
            return;
        }
        out.println((dryRun ? "Would adopt" : "Adopted") + " " + tool + "'s " + plan.source() + " into "
                + history + " of " + database + ":");
        for (AdoptionPlan.Adoption adoption : plan.adoptions()) {
            out.println("  " + adoption.id().describe() + "  "
                    + adoption.script() + "  " + adoption.type() + ", " + installed(adoption.source(), tool) + "; "
                    + adoption.check());
        }
        printNotes(plan, out);
        int count = plan.adoptions().size();
        if (dryRun) {
            out.println("Dry run: nothing was recorded. Run without --dry-run to record " + Plural.of(count, "row")
                    + ".");
        } else {
            out.println("Recorded " + Plural.of(count, "row") + ". `strata migrate` applies only newer files. " + tool
                    + "'s table " + plan.source() + " was left as it was: drop it once nothing runs " + tool
                    + " any more.");
        }
    }

    /** When and by whom, as far as the tool recorded it; what it did not record is the adoption's. */
    private static String installed(SourceMigration source, String tool) {
        String when = source.installedOn()
                .map(at -> "installed " + INSTALLED_AT.format(at.withOffsetSameInstant(ZoneOffset.UTC)))
                .orElse("install time not recorded by " + tool);
        return when + source.installedBy().map(user -> " by " + user).orElse("");
    }

    private static void printNotes(AdoptionPlan plan, PrintWriter out) {
        if (!plan.notes().isEmpty()) {
            out.println("Not adopted:");
            plan.notes().forEach(note -> out.println("  " + note));
        }
    }
}

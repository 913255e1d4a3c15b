package dev.strata.codegen;

import dev.strata.migrations.core.StrataException;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The generator as a plain {@code main} (see {@link RegenerateOptions#USAGE}), for {@code schema-codegen/regenerate}
 * and builds that run it without Maven's start-up. It prints its own elapsed time (from {@code main} to the end) so
 * that it can be compared with the build tool's.
 */
public final class Regenerate {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;

    private Regenerate() {
    }

    public static void main(String[] args) {
        int code = run(args, null, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * The whole command.
     *
     * @param databases the migrated databases to generate from; null for embedded servers (tests reuse one server)
     */
    public static int run(String[] args, MigratedDatabase.Factory databases, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        int code = execute(args, databases, out, err);
        out.println("Regenerate finished in " + seconds(System.nanoTime() - started)
                + " of its own time (JVM up " + seconds(jvmUptimeNanos()) + ").");
        out.flush();
        return code;
    }

    private static int execute(String[] args, MigratedDatabase.Factory databases, PrintStream out, PrintStream err) {
        if (RegenerateOptions.wantsHelp(args)) {
            out.print(RegenerateOptions.USAGE);
            return OK;
        }
        try {
            RegenerateOptions options;
            try {
                options = RegenerateOptions.parse(args);
            } catch (IllegalArgumentException | CodegenException e) {
                err.println("error: " + e.getMessage());
                if (e instanceof CodegenException bad && !bad.hint().isEmpty()) {
                    err.println("hint: " + bad.hint());
                }
                err.print(RegenerateOptions.USAGE);
                return USAGE;
            }
            CodegenSettings settings = options.settings();
            PostgresBinaries binaries = PostgresBinaries.select(settings.postgresVersion(),
                    PostgresBinaries.bundledOnly("use the Strata Maven plugin for another version, or leave"
                            + " --postgres-version out"));
            Regeneration regeneration = databases == null ? Regeneration.embedded(settings, binaries)
                    : new Regeneration(settings, binaries, databases);
            if (options.check()) {
                SourceTreeDiff diff = regeneration.check();
                if (diff.isEmpty()) {
                    out.println("Generated code in " + settings.packageDirectory() + " matches the migrations.");
                    return OK;
                }
                err.print(diff.report("Generated code in " + settings.packageDirectory() + " is stale",
                        "the same command without --check"));
                return CHECK_FAILED;
            }
            Regeneration.Result result = regeneration.regenerate(options.force());
            out.println(describe(result, settings));
            return OK;
        } catch (StrataException e) {
            err.println("error: " + e.getMessage());
            if (!e.hint().isEmpty()) {
                err.println("hint: " + e.hint());
            }
            return FAILED;
        } catch (RuntimeException e) {
            err.println("error: code generation failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    /** One line saying what a run did, shared by every front end. */
    public static String describe(Regeneration.Result result, CodegenSettings settings) {
        MigrationFingerprint migrations = result.migrations();
        if (result.outcome() == Regeneration.Outcome.UP_TO_DATE) {
            return "Strata: " + settings.packageName() + " is up to date (version " + migrations.latestVersion()
                    + ", fingerprint " + migrations.shortFingerprint() + "…, " + SchemaCodeGenerator.GENERATOR
                    + ", PostgreSQL " + result.postgres() + "): nothing written in "
                    + seconds(result.elapsed().toNanos()) + ".";
        }
        return "Strata: generated " + settings.packageName() + ": " + result.files() + " files (" + result.changed()
                + " written) from " + migrations.migrations().size() + " migrations up to version "
                + migrations.latestVersion() + " with " + SchemaCodeGenerator.GENERATOR + " on PostgreSQL "
                + result.postgres() + " in " + seconds(result.elapsed().toNanos()) + " ("
                + result.reason().orElse("") + ").";
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static long jvmUptimeNanos() {
        return ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }
}

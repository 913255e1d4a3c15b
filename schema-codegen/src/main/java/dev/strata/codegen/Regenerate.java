package dev.strata.codegen;

import dev.strata.migrations.core.StrataException;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Regenerates {@code examples/data-platform/src/generated/java/com/example/platform/schema} from the migrations (see
 * {@link RegenerateOptions#USAGE}). Run it with:
 * <pre>
 * mvn -B -q -pl schema-codegen -am -Pregenerate process-classes [-Dforce]
 * </pre>
 * It prints its own elapsed time (from {@code main} to the end) so that it can be compared with the build tool's.
 */
public final class Regenerate {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;

    private Regenerate() {
    }

    public static void main(String[] args) {
        int code = run(args, EmbeddedMigratedDatabase.factory(), System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /** The whole command, with the database factory and streams given (tests reuse one server). */
    public static int run(String[] args, MigratedDatabase.Factory databases, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        int code = execute(args, databases, out, err);
        out.println("Regenerate finished in " + Regeneration.seconds(System.nanoTime() - started)
                + " of its own time (JVM up " + Regeneration.seconds(jvmUptimeNanos()) + ").");
        out.flush();
        return code;
    }

    private static int execute(String[] args, MigratedDatabase.Factory databases, PrintStream out, PrintStream err) {
        RegenerateOptions options;
        try {
            options = RegenerateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(RegenerateOptions.USAGE);
            return USAGE;
        }
        if (options.help()) {
            out.print(RegenerateOptions.USAGE);
            return OK;
        }
        Regeneration regeneration = new Regeneration(options.paths(), databases, out);
        try {
            if (options.check().isPresent()) {
                SourceTreeDiff diff = regeneration.check(options.check().get());
                if (diff.isEmpty()) {
                    out.println("Generated code in " + options.check().get() + " matches the migrations.");
                    return OK;
                }
                err.print(diff.report("Generated code in " + options.check().get() + " is stale"));
                return CHECK_FAILED;
            }
            regeneration.regenerate(options.force());
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

    private static long jvmUptimeNanos() {
        return ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }
}

package dev.strata.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link Regenerate}. Options take {@code --name=value} or {@code --name value}; list options
 * take comma-separated values.
 *
 * @param check when true, generate into a temporary directory and compare with the output instead of writing
 */
public record RegenerateOptions(CodegenSettings settings, boolean force, boolean check) {

    private static final Set<String> VALUED = Set.of("--migrations", "--output", "--package", "--schemas",
            "--includes", "--excludes", "--postgres-version");

    public static final String USAGE = """
            Usage: Regenerate --package=<name> [--migrations=<dir>[,<dir>…]] [--output=<dir>] [--schemas=<name>,…]
                              [--includes=<regex>,…] [--excludes=<regex>,…] [--postgres-version=<version>]
                              [--force] [--check]

            Generates typed jOOQ classes and <package>.SchemaVersion from the migrations, using an embedded PostgreSQL.
            Does nothing, without starting a server, when SchemaVersion.java already records the migrations' fingerprint
            and the same settings.

              --package=<name>      the Java package to generate (required)
              --migrations=<dirs>   the migration directories (default: %s); dir?layout=sqlx reads one in
                                    another tool's layout, as in migrations.locations
              --output=<dir>        the source root to generate into (default: %s)
              --schemas=<names>     the PostgreSQL schemas to generate (default: public)
              --includes=<regexes>  generate only objects matching one of these (default: all)
              --excludes=<regexes>  leave out objects matching one of these (the history table always is)
              --postgres-version=<v> only the bundled PostgreSQL %s is available to this tool
              --force               regenerate even when the fingerprint matches
              --check               generate into a temporary directory and compare with the output; prints a
                                    unified diff and exits with 1 when they differ; writes nothing
              --help                show this text

            Exit codes: 0 done or up to date, 1 --check found differences, 2 bad arguments, 3 generation failed.
            """.formatted(CodegenSettings.DEFAULT_MIGRATIONS, CodegenSettings.DEFAULT_OUTPUT,
            PostgresBinaries.bundled().version());

    /** Whether the arguments ask for the usage text (then nothing else is parsed). */
    public static boolean wantsHelp(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    /** @throws IllegalArgumentException naming the bad argument, or {@link CodegenException} for a bad setting */
    public static RegenerateOptions parse(String[] args) {
        String packageName = null;
        List<String> migrations = List.of(CodegenSettings.DEFAULT_MIGRATIONS.toString());
        Path output = CodegenSettings.DEFAULT_OUTPUT;
        List<String> schemas = CodegenSettings.DEFAULT_SCHEMAS;
        List<String> includes = List.of();
        List<String> excludes = List.of();
        Optional<String> postgres = Optional.empty();
        boolean force = false;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            boolean valued = VALUED.contains(name);
            if (valued && inline == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                inline = args[++i];
            }
            if (valued && inline.isBlank()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--package" -> packageName = inline;
                case "--migrations" -> migrations = list(inline);
                case "--output" -> output = Path.of(inline);
                case "--schemas" -> schemas = list(inline);
                case "--includes" -> includes = list(inline);
                case "--excludes" -> excludes = list(inline);
                case "--postgres-version" -> postgres = Optional.of(inline);
                case "--force" -> force = inline == null || bool(name, inline);
                case "--check" -> check = inline == null || bool(name, inline);
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (packageName == null) {
            throw new IllegalArgumentException("--package is required (the Java package to generate, e.g. com.example.db)");
        }
        CodegenSettings settings = new CodegenSettings(List.of(CodegenSettings.DEFAULT_MIGRATIONS), packageName,
                output.toAbsolutePath().normalize(), schemas, includes, excludes, postgres, Optional.empty())
                .withMigrationEntries(Path.of("").toAbsolutePath(), migrations);
        return new RegenerateOptions(settings, force, check);
    }

    private static List<String> list(String text) {
        return new ArrayList<>(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static boolean bool(String name, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " takes true or false, not '" + text + "'");
        };
    }
}

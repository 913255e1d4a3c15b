package dev.strata.codegen;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link Regenerate}. Options take {@code --name=value} or {@code --name value}.
 *
 * @param check when present, generate into a temporary directory and compare with this source root instead of
 *              writing anything
 */
public record RegenerateOptions(CodegenPaths paths, boolean force, Optional<Path> check, boolean help) {

    private static final Set<String> DIRECTORY_OPTIONS = Set.of("--project-root", "--migrations", "--output");

    public static final String USAGE = """
            Usage: Regenerate [--project-root=<dir>] [--migrations=<dir>] [--output=<dir>] [--force] [--check[=<dir>]]

            Generates the typed jOOQ schema (package %s) from the migrations, using an embedded PostgreSQL.
            Does nothing, without starting a server, when %s.java already records the migrations' fingerprint.

              --project-root=<dir>  the Strata checkout (default: the working directory)
              --migrations=<dir>    the migration files (default: <project-root>/%s)
              --output=<dir>        the source root to generate into (default: <project-root>/%s)
              --force               regenerate even when the fingerprint matches
              --check[=<dir>]       generate into a temporary directory and compare with <dir> (default: the output);
                                    prints a unified diff and exits with 1 when they differ; writes nothing
              --help                show this text

            Exit codes: 0 done or up to date, 1 --check found differences, 2 bad arguments, 3 generation failed.
            """.formatted(CodegenPaths.PACKAGE, SchemaVersionSource.CLASS_NAME, CodegenPaths.MIGRATIONS_DIRECTORY,
            CodegenPaths.SOURCE_ROOT);

    /** @throws IllegalArgumentException naming the bad argument */
    public static RegenerateOptions parse(String[] args) {
        Path root = Path.of("");
        Path migrations = null;
        Path output = null;
        boolean force = false;
        boolean help = false;
        Optional<Path> check = Optional.empty();
        boolean checkOutput = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            boolean valued = DIRECTORY_OPTIONS.contains(name);
            if (valued && inline == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(name + " needs a directory");
                }
                inline = args[++i];
            }
            if (valued && inline.isBlank()) {
                throw new IllegalArgumentException(name + " needs a directory");
            }
            switch (name) {
                case "--project-root" -> root = Path.of(inline);
                case "--migrations" -> migrations = Path.of(inline);
                case "--output" -> output = Path.of(inline);
                case "--force" -> force = inline == null || bool(name, inline);
                case "--check" -> {
                    checkOutput = inline == null;
                    check = inline == null ? Optional.empty() : Optional.of(Path.of(inline).toAbsolutePath().normalize());
                }
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        CodegenPaths paths = CodegenPaths.forProjectRoot(root);
        if (migrations != null) {
            paths = new CodegenPaths(migrations.toAbsolutePath().normalize(), paths.sourceRoot());
        }
        if (output != null) {
            paths = paths.withSourceRoot(output.toAbsolutePath().normalize());
        }
        if (checkOutput) {
            check = Optional.of(paths.sourceRoot());
        }
        return new RegenerateOptions(paths, force, check, help);
    }

    private static boolean bool(String name, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " takes true or false, not '" + text + "'");
        };
    }
}

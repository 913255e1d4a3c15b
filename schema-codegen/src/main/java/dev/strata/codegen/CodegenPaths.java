package dev.strata.codegen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the generator reads and writes, all derived from the project root unless given explicitly.
 *
 * @param migrations the directory holding the {@code V<version>__<description>.sql} files
 * @param sourceRoot the source root the {@link #PACKAGE} package is generated into (committed)
 */
public record CodegenPaths(Path migrations, Path sourceRoot) {
    /** The package of the generated code. */
    public static final String PACKAGE = "com.example.platform.schema";
    /** The example system's module, relative to the project root. */
    public static final String MODULE_DIRECTORY = "examples/data-platform";
    /** The migrations of the example schema, relative to the project root. */
    public static final String MIGRATIONS_DIRECTORY = MODULE_DIRECTORY + "/src/main/resources/db/migration";
    /** The committed generated sources, relative to the project root. */
    public static final String SOURCE_ROOT = MODULE_DIRECTORY + "/src/generated/java";
    /** The one command that regenerates, for messages. */
    public static final String REGENERATE_COMMAND = "mvn -B -q -pl schema-codegen -am -Pregenerate process-classes";

    public CodegenPaths {
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
    }

    public static CodegenPaths forProjectRoot(Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        return new CodegenPaths(root.resolve(MIGRATIONS_DIRECTORY), root.resolve(SOURCE_ROOT));
    }

    /** The directory of the generated package below a source root. */
    public static Path packageDirectory(Path sourceRoot) {
        return sourceRoot.resolve(PACKAGE.replace('.', '/'));
    }

    public CodegenPaths withSourceRoot(Path newSourceRoot) {
        return new CodegenPaths(migrations, newSourceRoot);
    }
}

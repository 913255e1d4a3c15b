package dev.strata.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The example system's migrations ({@code examples/data-platform}), for tests that run Strata on a real schema. No
 * toolkit artifact carries them: in-process tests find them at {@code classpath:db/migration} through the test-scoped
 * dependency on the example module; the CLI, run as a process, is given their directory.
 */
public final class ExampleSystem {
    public static final String MIGRATIONS = "examples/data-platform/src/main/resources/db/migration";

    private ExampleSystem() {
    }

    /** The absolute directory of the example's migration files in this checkout. */
    public static Path migrations() {
        Path directory = Path.of(System.getProperty("strata.projectRoot", "..")).resolve(MIGRATIONS)
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException(directory + " is missing: run the tests from the Strata checkout");
        }
        return directory;
    }

    /** {@code STRATA_MIGRATIONS__LOCATIONS=filesystem:<the example's directory>}, for a {@code strata} process. */
    public static Map<String, String> locationEnvironment() {
        return Map.of("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations());
    }
}

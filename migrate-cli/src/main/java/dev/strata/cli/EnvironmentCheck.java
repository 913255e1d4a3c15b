package dev.strata.cli;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns about {@code STRATA_*} variables no part of Strata reads: a mistyped one ({@code STRATA_DATABASE_URL} for
 * {@code STRATA_DATABASE__URL}) would otherwise be ignored without a word. A variable with a setting's shape
 * ({@code STRATA_<SECTION>__<KEY>}) is the configuration loader's to judge: an unknown one is refused there, not
 * ignored, so it gets no warning here.
 */
final class EnvironmentCheck {
    /** Set to 1 for stack traces. */
    static final String DEBUG_VARIABLE = "STRATA_DEBUG";
    /** Read by schema-testing's JUnit extension (STRATA_TEST_DATABASE_URL, …), which shares CI environments. */
    private static final String TEST_SUPPORT_PREFIX = "STRATA_TEST_";
    /** Read by the launcher bin/strata before this JVM starts (which java, its flags, the CDS archive, the jar). */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("STRATA_JAVA", "STRATA_JAVA_OPTS", "STRATA_CDS", "STRATA_JAR");

    private EnvironmentCheck() {
    }

    static List<String> warnings(Map<String, String> environment) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith(ConfigKey.ENVIRONMENT_PREFIX) && !ConfigLoader.namesASetting(name) && !known(name)) {
                warnings.add("warning: environment variable " + name + " is not a Strata setting and is ignored; did "
                        + "you mean " + ConfigKey.nearestEnvironmentVariable(name).environmentVariable() + "?");
            }
        }
        return warnings;
    }

    private static boolean known(String name) {
        Optional<ConfigKey> key = ConfigKey.forEnvironmentVariable(name);
        return key.isPresent() || name.equals(ConfigLoader.CONFIG_FILE_VARIABLE) || name.equals(DEBUG_VARIABLE)
                || name.startsWith(TEST_SUPPORT_PREFIX) || LAUNCHER_VARIABLES.contains(name);
    }
}

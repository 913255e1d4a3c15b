package dev.strata.testing;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.testserver.TestEnvironment;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a test class's {@link MigratedDatabase} asks for, validated: the migration settings (one template per distinct
 * value) and the server.
 */
record DatabaseRequest(MigrationSettings settings, LintGate lint, ServerSpec server) {

    /**
     * Reads the annotation of {@code testClass}, or of a class enclosing it (for {@code @Nested} classes).
     *
     * @throws TestDatabaseException naming the attribute and the test class when a value is invalid
     */
    static DatabaseRequest of(Class<?> testClass, TestEnvironment environment) {
        MigratedDatabase annotation = find(testClass).orElseThrow(() -> new TestDatabaseException(
                testClass.getName() + " uses the Strata test extension without @MigratedDatabase",
                "annotate the class with @MigratedDatabase instead of @ExtendWith(MigratedDatabaseExtension.class)"));
        return new DatabaseRequest(settings(annotation, testClass), lint(annotation.lint(), "@MigratedDatabase(lint = \""
                + annotation.lint() + "\") on " + testClass.getName()), ServerSpec.choose(annotation.server(),
                environment));
    }

    /**
     * {@code off}, {@code warn} or {@code error}, as {@code migrations.lint} in {@code strata.toml}.
     *
     * @param origin what set it, for the error
     * @throws TestDatabaseException naming {@code origin} when {@code value} is none of them
     */
    static LintGate lint(String value, String origin) {
        return LintGate.parse(value).orElseThrow(() -> new TestDatabaseException(origin + " is not valid: expected"
                + " \"off\", \"warn\" or \"error\", as " + ConfigKey.MIGRATIONS_LINT.qualifiedName()
                + " in strata.toml", "use the value of your release's " + ConfigKey.MIGRATIONS_LINT.qualifiedName()));
    }

    static MigrationSettings settings(MigratedDatabase annotation, Class<?> testClass) {
        List<Location> locations;
        try {
            locations = Arrays.stream(annotation.locations()).map(Location::parse).toList();
            if (locations.isEmpty()) {
                throw new IllegalArgumentException("it names no location");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(testClass, "locations = " + Arrays.toString(annotation.locations()), e,
                    "use classpath:<path> or filesystem:<dir>, e.g. classpath:db/migration");
        }
        SchemaTable historyTable;
        try {
            historyTable = new SchemaTable(annotation.historySchema(), annotation.historyTable());
        } catch (IllegalArgumentException e) {
            throw invalid(testClass, "historySchema = \"" + annotation.historySchema() + "\", historyTable = \""
                    + annotation.historyTable() + "\"", e, "use the names of your strata.toml [migrations] section");
        }
        return MigrationSettings.defaults().withLocations(locations).withHistoryTable(historyTable);
    }

    private static TestDatabaseException invalid(Class<?> testClass, String attribute, IllegalArgumentException e,
                                                 String hint) {
        return new TestDatabaseException("@MigratedDatabase(" + attribute + ") on " + testClass.getName()
                + " is not valid: " + e.getMessage(), hint, e);
    }

    private static Optional<MigratedDatabase> find(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<MigratedDatabase> annotation = AnnotationSupport.findAnnotation(type, MigratedDatabase.class);
            if (annotation.isPresent()) {
                return annotation;
            }
        }
        return Optional.empty();
    }
}

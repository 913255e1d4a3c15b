package dev.strata.spring;

import dev.strata.migrations.core.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flyway or Liquibase on the class path, enabled, next to Strata: by default the start is refused, so two tools never
 * migrate one database without anyone deciding it. With {@code strata.allow-other-migration-tools=true} both run (the
 * other tool first), but never on the same files.
 */
final class OtherMigrationTools {
    static final String ALLOW_PROPERTY = "strata.allow-other-migration-tools";
    private static final Logger LOG = LoggerFactory.getLogger(OtherMigrationTools.class);

    /**
     * A tool Spring Boot runs at start-up when its classes are present and its enabled property is not false.
     *
     * @param takeOver how Strata takes over that tool's history, for the hint
     */
    private record Tool(String name, String className, String enabledProperty, String takeOver) {
    }

    private static final Tool FLYWAY = new Tool("Flyway", "org.flywaydb.core.Flyway", "spring.flyway.enabled",
            " (strata adopt --from flyway takes over a Flyway history)");
    // Strata does not read Liquibase's databasechangelog (there is no adopt --from liquibase): a baseline takes over.
    private static final Tool LIQUIBASE = new Tool("Liquibase", "liquibase.integration.spring.SpringLiquibase",
            "spring.liquibase.enabled",
            " (strata baseline --version V records a schema Liquibase built as applied up to V)");
    private static final List<Tool> TOOLS = List.of(FLYWAY, LIQUIBASE);
    private static final String FLYWAY_LOCATIONS = "spring.flyway.locations";
    private static final String LIQUIBASE_CHANGE_LOG = "spring.liquibase.change-log";
    private static final String LIQUIBASE_DEFAULT_CHANGE_LOG = "classpath:/db/changelog/db.changelog-master.yaml";

    private OtherMigrationTools() {
    }

    /**
     * @throws MigrationToolConflictException naming the tool, its class and the properties that resolve it
     */
    static void check(Environment environment, ClassLoader classLoader, boolean allowed, List<Location> locations) {
        List<Tool> enabled = new ArrayList<>();
        for (Tool tool : TOOLS) {
            if (ClassUtils.isPresent(tool.className(), classLoader)
                    && environment.getProperty(tool.enabledProperty(), Boolean.class, true)) {
                enabled.add(tool);
            }
        }
        if (enabled.isEmpty()) {
            return;
        }
        if (!allowed) {
            Tool tool = enabled.get(0);
            throw new MigrationToolConflictException(tool.name() + " (" + tool.className() + ") is on the class path"
                    + " next to Strata, and Spring Boot runs it at start-up unless " + tool.enabledProperty()
                    + "=false: two tools would migrate the same database",
                    "set " + tool.enabledProperty() + "=false to let Strata alone migrate" + tool.takeOver()
                            + ", or strata.enabled=false to keep " + tool.name()
                            + " alone, or " + ALLOW_PROPERTY + "=true to run both on purpose, each with its own"
                            + " history table and files (docs/spring-boot.md)");
        }
        if (enabled.contains(FLYWAY)) {
            refuseSharedLocations(environment, locations);
        }
        if (enabled.contains(LIQUIBASE)) {
            refuseChangeLogInALocation(environment, locations);
        }
        LOG.warn("{} and Strata both migrate at start-up ({}=true): {} first, then Strata, each with its own history",
                enabled.stream().map(Tool::name).toList(), ALLOW_PROPERTY,
                enabled.stream().map(Tool::name).toList());
    }

    private static void refuseSharedLocations(Environment environment, List<Location> locations) {
        String configured = environment.getProperty(FLYWAY_LOCATIONS, "classpath:db/migration");
        List<String> flyway = Arrays.stream(configured.split(",")).map(OtherMigrationTools::normalise).toList();
        for (Location location : locations) {
            if (flyway.contains(normalise(location.toString()))) {
                throw new MigrationToolConflictException("Flyway and Strata would both apply the files in " + location
                        + " (" + FLYWAY_LOCATIONS + "=" + configured + ", strata.locations=" + locations + ")",
                        "give each tool its own folder: set strata.locations (or " + FLYWAY_LOCATIONS
                                + ") to another location");
            }
        }
    }

    /** Liquibase's changelog inside a Strata location: Strata would read Liquibase's files as its own. */
    private static void refuseChangeLogInALocation(Environment environment, List<Location> locations) {
        String changeLog = environment.getProperty(LIQUIBASE_CHANGE_LOG, LIQUIBASE_DEFAULT_CHANGE_LOG);
        String file = normalise(changeLog);
        for (Location location : locations) {
            if (file.startsWith(normalise(location.toString()) + "/")) {
                throw new MigrationToolConflictException("Liquibase's changelog " + changeLog + " is in Strata's"
                        + " location " + location + " (" + LIQUIBASE_CHANGE_LOG + "=" + changeLog
                        + ", strata.locations=" + locations + "): Strata would read Liquibase's files as its own"
                        + " migrations",
                        "give each tool its own folder: set " + LIQUIBASE_CHANGE_LOG + " (or strata.locations) to"
                                + " another location");
            }
        }
    }

    private static String normalise(String location) {
        String text = location.strip();
        if (!text.contains(":")) {
            text = Location.CLASSPATH_PREFIX + text; // Flyway's default prefix
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.replace("classpath:/", "classpath:");
    }
}

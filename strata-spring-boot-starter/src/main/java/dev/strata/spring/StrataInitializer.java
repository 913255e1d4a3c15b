package dev.strata.spring;

import dev.strata.api.SchemaDescriptor;
import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.config.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import java.util.Optional;

/**
 * Runs at start-up before every bean that uses the database (jOOQ's {@code DSLContext}, JPA's
 * {@code EntityManagerFactory}, {@code JdbcTemplate}, beans marked {@code @DependsOnDatabaseInitialization}):
 * migrates when {@code strata.migrate-at-start} (after the {@code strata.migrations.lint} gate), then verifies the
 * database against the generated descriptor when {@code strata.verify-at-start}. Any failure stops the start with
 * Strata's message. (Another enabled migration tool was refused earlier, by {@link OtherMigrationToolsCheck}.)
 */
public class StrataInitializer implements InitializingBean {
    private static final Logger LOG = LoggerFactory.getLogger(StrataInitializer.class);

    private final StrataMigrations migrations;
    private final StrataProperties properties;
    private final boolean migrateAtStart;

    /** @param migrateAtStart {@code strata.database.auto-migrate} (or its earlier name, strata.migrate-at-start) */
    public StrataInitializer(StrataMigrations migrations, StrataProperties properties, boolean migrateAtStart) {
        this.migrations = migrations;
        this.properties = properties;
        this.migrateAtStart = migrateAtStart;
    }

    @Override
    public void afterPropertiesSet() {
        if (migrateAtStart) {
            MigrateResult result = migrations.migrate();
            if (result.nothingToDo()) {
                LOG.info("Strata: {} is up to date{}", migrations.description(), result.plan().current()
                        .map(version -> " at version " + version).orElse(""));
            } else {
                LOG.info("Strata: applied {} migration(s) to {} in {} ms; schema is now at version {}",
                        result.applied().size(), migrations.description(), result.elapsed().toMillis(),
                        result.plan().target().map(Object::toString).orElse("(none)"));
            }
        }
        if (properties.isVerifyAtStart()) {
            SchemaDescriptor expected = migrations.descriptor().orElseThrow(this::noDescriptor);
            migrations.verify(expected);
            LOG.info("Strata: {} matches {} (version {})", migrations.description(), expected.getClass().getName(),
                    expected.latestVersion().orElse("(none)"));
        }
    }

    private ConfigurationException noDescriptor() {
        return new ConfigurationException("strata.verify-at-start is true, but no generated schema descriptor (a class"
                + " implementing dev.strata.api.SchemaDescriptor, e.g. your package's SchemaVersion) was found in the"
                + " application's packages", "set " + SchemaDescriptors.PROPERTY + " to the generated class, e.g."
                + " com.example.db.SchemaVersion, or set strata.verify-at-start=false"
                + Optional.of(" (strata.migrate-at-start=true alone keeps the database at the migrations' version)")
                .filter(text -> migrateAtStart).orElse(""));
    }
}

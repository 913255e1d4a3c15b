package dev.strata.spring.test;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.spring.StrataPropertyKeys;
import dev.strata.testing.StandaloneTestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Objects;

/**
 * Creates the test class's database when its context starts (with the context's own {@code strata.*} settings) and
 * drops it when the context closes. Equal only for the same test class: one context, and one database, per class.
 */
final class StrataDatabaseContextCustomizer implements ContextCustomizer {
    /** The bean holding the database; its {@code toString()} names it, for failing tests. */
    static final String BEAN_NAME = "strataTestDatabase";
    private static final Logger LOG = LoggerFactory.getLogger(StrataDatabaseContextCustomizer.class);

    private final Class<?> testClass;

    StrataDatabaseContextCustomizer(Class<?> testClass) {
        this.testClass = testClass;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        StrataConfig config = StrataPropertyKeys.config(context.getEnvironment());
        MigrationSettings settings = config.migrations();
        // The application's lint gate too: a test suite fails on a file the start-up (or release) gate would refuse.
        StandaloneTestDatabase database = StandaloneTestDatabase.migrated(settings, config.lintGate().label(),
                testClass.getClassLoader());
        LOG.info("Strata: @StrataDatabase gives {} {} (a copy of {}, migrated from {})", testClass.getName(),
                database, database.info().template(), settings.locations());
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(BEAN_NAME, database);
        // Registered before the context's own beans, so destroyed after them: the application's pool is closed first.
        beans.registerDisposableBean(BEAN_NAME, database::close);
        beans.registerSingleton("strataTestDatabaseConnectionDetails", new TestDatabaseConnectionDetails(database));
    }

    /** How Spring Boot's DataSource auto-configuration connects to the test database. */
    private record TestDatabaseConnectionDetails(StandaloneTestDatabase database) implements JdbcConnectionDetails {
        @Override
        public String getUsername() {
            return database.info().user().orElse(null);
        }

        @Override
        public String getPassword() {
            return database.password().orElse(null);
        }

        @Override
        public String getJdbcUrl() {
            return database.info().jdbcUrl();
        }

        @Override
        public String toString() {
            return "JdbcConnectionDetails[" + database + "]";
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StrataDatabaseContextCustomizer customizer && customizer.testClass == testClass;
    }

    @Override
    public int hashCode() {
        return Objects.hash(testClass);
    }
}

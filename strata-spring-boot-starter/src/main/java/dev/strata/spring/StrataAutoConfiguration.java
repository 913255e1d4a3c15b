package dev.strata.spring;

import dev.strata.migrations.config.ConfigKey;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.lint.LoggedLintGate;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Strata on the application's {@code DataSource} (or the one marked {@link StrataDataSource}): migrate and verify at
 * start-up, before the beans that use the database, as Spring Boot's Flyway auto-configuration orders its initializer.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = {"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "strata.enabled", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(StrataProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class StrataAutoConfiguration {

    /** Static, so it runs before any bean is created (Flyway's initializer included). */
    @Bean
    static OtherMigrationToolsCheck strataOtherMigrationToolsCheck() {
        return new OtherMigrationToolsCheck();
    }

    @Bean
    @ConditionalOnMissingBean
    public StrataMigrations strataMigrations(StrataProperties properties, Environment environment,
                                             @StrataDataSource ObjectProvider<DataSource> strataDataSource,
                                             ObjectProvider<DataSource> dataSource,
                                             ObjectProvider<JdbcConnectionDetails> connectionDetails,
                                             BeanFactory beanFactory, ResourceLoader resourceLoader) {
        StrataConfig config = StrataPropertyKeys.config(environment);
        DataSource marked = strataDataSource.getIfAvailable();
        DataSource target = marked != null ? marked : dataSource.getIfUnique();
        if (target == null) {
            throw new ConfigurationException("the application has several DataSource"
                    + " beans and none is primary: Strata cannot tell which one to migrate and verify",
                    "mark one with @StrataDataSource (or @Primary), or set strata.enabled=false");
        }
        // The application's loader: classpath: locations and the generated descriptor are the application's.
        ClassLoader classLoader = Optional.ofNullable(resourceLoader.getClassLoader())
                .orElse(StrataAutoConfiguration.class.getClassLoader());
        List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
                : List.of();
        // Spring Boot's connection details describe the DataSource it configured, not one marked @StrataDataSource.
        Optional<JdbcConnectionDetails> details = Optional.ofNullable(marked == null
                ? connectionDetails.getIfUnique() : null);
        LoggedLintGate lintGate = new LoggedLintGate(config.lintGate(), () -> LintScratch.on(details.orElseThrow(
                () -> noScratchServer(config))));
        return new StrataMigrations(target, config.migrations(), () -> SchemaDescriptors.find(
                Optional.ofNullable(properties.getSchemaVersionClass()).filter(name -> !name.isBlank()), packages,
                classLoader), classLoader, lintGate);
    }

    @Bean
    @ConditionalOnMissingBean
    public StrataInitializer strataInitializer(StrataMigrations migrations, StrataProperties properties,
                                               Environment environment) {
        return new StrataInitializer(migrations, properties,
                StrataPropertyKeys.config(environment).database().autoMigrate());
    }

    private static ConfigurationException noScratchServer(StrataConfig config) {
        String lint = StrataPropertyKeys.property(ConfigKey.MIGRATIONS_LINT);
        return new ConfigurationException(lint + "=" + config.lintGate().label() + " replays the pending migrations"
                + " on a scratch database created on the server of the DataSource Strata migrates, and Spring Boot's"
                + " connection details (spring.datasource.url, username, password) do not describe that DataSource"
                + " (it is the application's own bean, or one marked @StrataDataSource)",
                "let Spring Boot configure the DataSource from spring.datasource.*, or set " + lint + "=off for the"
                        + " application and lint where migrate runs in CI (strata lint, strata migrate)");
    }
}

package dev.strata.spring;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigurationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
    public StrataMigrations strataMigrations(StrataProperties properties,
                                             @StrataDataSource ObjectProvider<DataSource> strataDataSource,
                                             ObjectProvider<DataSource> dataSource, BeanFactory beanFactory,
                                             ResourceLoader resourceLoader) {
        MigrationSettings settings = StrataPropertyKeys.migrationSettings(properties);
        DataSource target = strataDataSource.getIfAvailable(dataSource::getIfUnique);
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
        return new StrataMigrations(target, settings, () -> SchemaDescriptors.find(
                Optional.ofNullable(properties.getSchemaVersionClass()).filter(name -> !name.isBlank()), packages,
                classLoader), classLoader);
    }

    @Bean
    @ConditionalOnMissingBean
    public StrataInitializer strataInitializer(StrataMigrations migrations, StrataProperties properties) {
        return new StrataInitializer(migrations, properties);
    }
}

package dev.strata.spring;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Runs {@link OtherMigrationTools#check} while the context is still being set up, before any bean exists: Flyway's
 * or Liquibase's initializer would otherwise have migrated before Strata's could refuse.
 */
class OtherMigrationToolsCheck implements BeanFactoryPostProcessor, EnvironmentAware {
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        StrataProperties properties = Binder.get(environment).bind("strata", StrataProperties.class)
                .orElseGet(StrataProperties::new);
        ClassLoader classLoader = beanFactory.getBeanClassLoader() == null ? getClass().getClassLoader()
                : beanFactory.getBeanClassLoader();
        OtherMigrationTools.check(environment, classLoader, properties.isAllowOtherMigrationTools(),
                StrataPropertyKeys.config(environment).migrations().locations());
    }
}

package dev.strata.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot's database-initialization ordering that {@link StrataInitializer} initializes the database, so
 * every bean detected as using it ({@code DSLContext}, {@code EntityManagerFactory}, {@code JdbcTemplate},
 * {@code @DependsOnDatabaseInitialization}) is created after it. Ordered after Flyway's and Liquibase's detectors:
 * when both tools run on purpose, Strata goes last.
 */
class StrataInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(StrataInitializer.class);
    }

    @Override
    public int getOrder() {
        return 10;
    }
}

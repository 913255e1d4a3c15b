package dev.strata.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @SpringBootTest} class (or another Spring Boot test whose context uses Spring Boot's {@code DataSource}
 * auto-configuration, such as a {@code @JooqTest} slice): the application context gets a PostgreSQL database of its
 * own, migrated with the application's {@code strata.*} settings (locations, history table, layout), without Docker.
 * The database is a copy of a template that {@code schema-testing} migrates once per JVM (the embedded server unless
 * {@code STRATA_TEST_DATABASE_URL} / {@code STRATA_TEST_SERVER} say otherwise); Spring Boot's {@code DataSource}
 * connects to it through a {@code JdbcConnectionDetails} bean, which beats {@code spring.datasource.url}.
 *
 * <p>One database per test class (each annotated class gets its own context): tests of one class share it, tests of
 * different classes never see each other's rows. It is dropped when the context closes. A failing test and a context
 * that fails to start name the database. Needs {@code dev.strata:schema-testing} in test scope.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface StrataDatabase {
}

package dev.strata.testing;

import dev.strata.migrations.MigrationSettings;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every test method of the class a real PostgreSQL database of its own, at the schema the migrations produce.
 *
 * <p>Test methods (and {@code @BeforeEach}/{@code @AfterEach} methods) may declare parameters of type
 * {@link javax.sql.DataSource}, {@link org.jooq.DSLContext} (dialect {@code POSTGRES}), {@link java.sql.Connection}
 * (closed after the test) and {@link TestDatabase}; within one test they all point to the same database. Each test's
 * database is a copy ({@code CREATE DATABASE … TEMPLATE …}) of a template database that Strata's migration engine
 * migrated once per JVM for these settings, and it is dropped after the test, so tests see each other's rows
 * neither in order nor in parallel.
 *
 * <p>Named so that a test can use it next to the runtime {@code dev.strata.api.StrataDatabase} without a qualified
 * name.
 *
 * <p>The server: see {@link ServerKind} ({@link ServerKind#AUTO} by default: embedded, unless the environment says
 * otherwise). It is shared by every test class of the JVM and stops when the test run ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigratedDatabaseExtension.class)
public @interface MigratedDatabase {

    /**
     * Where the migrations are: {@code classpath:<path>} or {@code filesystem:<dir>}, as in {@code strata.toml}. The
     * default is the project's own {@code classpath:db/migration} ({@code src/main/resources/db/migration}, or
     * {@code src/test/resources/db/migration} for test-only fixtures); no Strata artifact puts files there.
     */
    String[] locations() default "classpath:db/migration";

    /** The schema of the history table. */
    String historySchema() default MigrationSettings.DEFAULT_SCHEMA;

    /** The name of the history table. */
    String historyTable() default MigrationSettings.DEFAULT_TABLE;

    /**
     * The lint gate applied before the template is migrated, as {@code migrations.lint} in {@code strata.toml}:
     * {@code "off"} (the default), {@code "warn"} (each finding logged) or {@code "error"} (an error-level finding no
     * {@code -- strata:allow} silences fails the test class, listing the findings, and nothing is migrated). Set it
     * to your release's value, so the tests fail on a file the release gate would refuse. The template is built from
     * nothing, so each file is linted as a release of its own after the files before it (as {@code strata lint
     * --all}); the replay runs on a scratch database created on the test server.
     */
    String lint() default "off";

    /** Which server runs the databases. */
    ServerKind server() default ServerKind.AUTO;
}

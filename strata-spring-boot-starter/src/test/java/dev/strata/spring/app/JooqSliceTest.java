package dev.strata.spring.app;

import dev.strata.spring.StrataInitializer;
import dev.strata.spring.test.StrataDatabase;
import dev.strata.testing.StandaloneTestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jooq.test.autoconfigure.JooqTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

/**
 * {@code @StrataDatabase} on a {@code @JooqTest} slice: the slice's DSLContext runs on the migrated test database, and
 * Strata's start-up verification is part of the slice (the starter lists its auto-configuration for
 * {@code @AutoConfigureDataSourceInitialization}, as Spring Boot's Flyway support does). In this package so that the
 * slice finds {@link TestApplication} as its configuration.
 */
@JooqTest
@StrataDatabase
class JooqSliceTest {
    @Autowired
    private DSLContext dsl;
    @Autowired
    private StandaloneTestDatabase database;
    @Autowired
    private ApplicationContext context;

    @Test
    void theSlicesDslContextRunsOnTheMigratedDatabaseOfTheClass() {
        assertThat(dsl.fetchValue("select current_database()")).isEqualTo(database.info().name())
                .asString().startsWith("strata_test_");
        assertThat(dsl.fetchValues("select script from strata_schema_history order by installed_rank").stream()
                .map(Object::toString))
                .containsExactly("V1__create_accounts.sql", "V2__add_account_email.sql");
        assertThat(dsl.insertInto(table("accounts")).columns(field("name"), field("email"))
                .values("Grace", "grace@example.com").execute()).isEqualTo(1);
    }

    @Test
    void strataVerifiedTheDatabaseWhenTheSliceStarted() {
        assertThat(context.getBeansOfType(StrataInitializer.class)).hasSize(1);
        // The slice leaves the application's own beans out: only jOOQ's and Strata's are there.
        assertThat(context.getBeansOfType(AccountRepository.class)).isEmpty();
    }

    @Test
    void eachTestRollsBackItsRows() {
        // @JooqTest runs each test in a transaction rolled back at its end: the other test's insert is gone.
        assertThat(dsl.fetchCount(table("accounts"))).isZero();
    }
}

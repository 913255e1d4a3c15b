package dev.strata.spring;

import dev.strata.testing.StandaloneTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** With two DataSources, Strata migrates the one marked {@link StrataDataSource}, not the primary one. */
class StrataDataSourceTest {
    private static final StandaloneTestDatabase APPLICATION = StandaloneTestDatabase.empty();
    private static final StandaloneTestDatabase MIGRATION = StandaloneTestDatabase.empty();

    @AfterAll
    static void dropDatabases() {
        APPLICATION.close();
        MIGRATION.close();
    }

    @Test
    void theMarkedDataSourceIsMigratedAndThePrimaryOneLeftAlone() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwoDataSources.class)
                .web(WebApplicationType.NONE).run("--strata.migrate-at-start=true")) {
            assertThat(tables(MIGRATION)).contains("strata_schema_history", "accounts");
            assertThat(tables(APPLICATION)).isEmpty();
            assertThat(context.getBean(StrataMigrations.class).description()).contains(MIGRATION.info().name());
        }
    }

    private static List<String> tables(StandaloneTestDatabase database) {
        return new JdbcTemplate(dataSource(database)).queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
    }

    private static DataSource dataSource(StandaloneTestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.info().jdbcUrl());
        database.info().user().ifPresent(dataSource::setUser);
        database.password().ifPresent(dataSource::setPassword);
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TwoDataSources {
        @Bean
        @Primary
        DataSource applicationDataSource() {
            return dataSource(APPLICATION);
        }

        @Bean
        @StrataDataSource
        DataSource migrationDataSource() {
            return dataSource(MIGRATION);
        }
    }
}

package dev.strata.testing;

import dev.strata.migrations.lint.LintFindingsException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @MigratedDatabase(lint = …)}: the release's lint gate before the template is migrated. The fixture's second
 * file drops a column the first created, which the release gate refuses ({@code drop-column}, an error).
 */
class LintGateTest {

    @Test
    void errorFailsTheClassListingTheFindingAndMigratesNothing() {
        EngineExecutionResults results = TestKit.run(RefusedByTheGate.class);

        List<Throwable> failures = TestKit.failures(results);
        assertThat(failures).hasSize(1);
        assertThat(results.testEvents().started().count()).as("no test ran").isZero();
        assertThat(failures.get(0)).isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("@MigratedDatabase could not build the template database from [classpath:lint]:"
                        + " migrations.lint = \"error\" refused to migrate template database strata_template_")
                .hasMessageContaining("1 lint finding at or above error remains:\n  V2__drop_note.sql line 1: error:"
                        + " drop-column: drops column note")
                .hasMessageContaining("-- strata:allow=<rule> <reason>")
                .hasCauseInstanceOf(LintFindingsException.class);
    }

    @Test
    void warnMigratesTheTemplate() {
        EngineExecutionResults results = TestKit.run(WarnedByTheGate.class);

        assertThat(TestKit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isOne();
    }

    @Test
    void anInvalidValueIsNamedWithTheAttribute() {
        List<Throwable> failures = TestKit.failures(TestKit.run(InvalidGate.class));

        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(TestDatabaseException.class)
                .hasMessageStartingWith("@MigratedDatabase(lint = \"loud\") on " + InvalidGate.class.getName()
                        + " is not valid: expected \"off\", \"warn\" or \"error\", as migrations.lint in strata.toml");
    }

    @MigratedDatabase(locations = "classpath:lint", lint = "error")
    static class RefusedByTheGate {
        @Test
        void test(DataSource dataSource) {
        }
    }

    @MigratedDatabase(locations = "classpath:lint", lint = "warn")
    static class WarnedByTheGate {
        @Test
        void theSecondFileRan(Connection connection) throws SQLException {
            try (ResultSet columns = connection.getMetaData().getColumns(null, "public", "notes", "note")) {
                assertThat(columns.next()).as("column note dropped by V2").isFalse();
            }
        }
    }

    @MigratedDatabase(locations = "classpath:lint", lint = "loud")
    static class InvalidGate {
        @Test
        void test(DataSource dataSource) {
        }
    }
}

package dev.strata.spring;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.SchemaTable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's settings from Spring properties: derived names, earlier names, and what is refused. */
class StrataPropertyKeysTest {

    @Test
    void noPropertyLeavesTheEnginesDefaults() {
        StrataConfig config = StrataPropertyKeys.config(new MockEnvironment());

        assertThat(config.migrations()).isEqualTo(MigrationSettings.defaults());
        assertThat(config.lintGate()).isEqualTo(LintGate.OFF);
        assertThat(config.database().autoMigrate()).isFalse();
    }

    @Test
    void theEarlierNamesSetTheSameKeysAsTheDerivedNames() {
        StrataConfig earlier = StrataPropertyKeys.config(new MockEnvironment()
                .withProperty("strata.locations", "classpath:db/a,classpath:db/b")
                .withProperty("strata.history-schema", "audit")
                .withProperty("strata.history-table", "schema_history")
                .withProperty("strata.lock-timeout", "PT2M")
                .withProperty("strata.statement-lock-timeout", "5s")
                .withProperty("strata.out-of-order", "true")
                .withProperty("strata.migrate-at-start", "true"));
        StrataConfig derived = StrataPropertyKeys.config(new MockEnvironment()
                .withProperty("strata.migrations.locations", "classpath:db/a,classpath:db/b")
                .withProperty("strata.migrations.schema", "audit")
                .withProperty("strata.migrations.table", "schema_history")
                .withProperty("strata.migrations.lock-timeout", "2m")
                .withProperty("strata.migrations.statement-lock-timeout", "5000ms")
                .withProperty("strata.migrations.out-of-order", "true")
                .withProperty("strata.database.auto-migrate", "true"));

        assertThat(earlier.migrations().locations()).containsExactly(new Location.Classpath("db/a"),
                new Location.Classpath("db/b"));
        assertThat(earlier.migrations().historyTable()).isEqualTo(new SchemaTable("audit", "schema_history"));
        assertThat(earlier.migrations().lockTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(earlier.migrations().outOfOrder()).isTrue();
        assertThat(earlier.database().autoMigrate()).isTrue();
        assertThat(derived.migrations()).isEqualTo(earlier.migrations());
        assertThat(derived.database().autoMigrate()).isTrue();
    }

    @Test
    void aKeyWithoutAnEarlierNameIsAPropertyByItsDerivedName() {
        StrataConfig config = StrataPropertyKeys.config(new MockEnvironment()
                .withProperty("strata.migrations.lint", "error"));

        assertThat(config.lintGate()).isEqualTo(LintGate.ERROR);
    }

    @Test
    void aBadValueIsReportedByTheEngineNamingTheProperty() {
        assertThatThrownBy(() -> StrataPropertyKeys.config(new MockEnvironment()
                .withProperty("strata.migrations.lint", "loud")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("migrations.lint (from Spring property strata.migrations.lint) is 'loud': expected"
                        + " \"off\", \"warn\" or \"error\"");
    }

    @Test
    void bothNamesOfOneKeyAreRefused() {
        assertThatThrownBy(() -> StrataPropertyKeys.config(new MockEnvironment()
                .withProperty("strata.lock-timeout", "2m")
                .withProperty("strata.migrations.lock-timeout", "3m")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("migrations.lock_timeout is set by two Spring properties, strata.migrations.lock-timeout"
                        + " and strata.lock-timeout (its earlier name)");
    }

    @Test
    void aKeyNotOfferedIsRefusedWithTheReasonInsteadOfIgnored() {
        assertThatThrownBy(() -> StrataPropertyKeys.config(new MockEnvironment()
                .withProperty("strata.database.pool-size", "5")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Spring property strata.database.pool-size is set, but the starter does not"
                        + " read database.pool_size: the starter migrates the application's DataSource");
        assertThat(StrataPropertyKeys.offered()).doesNotContainAnyElementsOf(StrataPropertyKeys.NOT_OFFERED.keySet());
    }
}

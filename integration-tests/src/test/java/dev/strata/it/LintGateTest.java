package dev.strata.it;

import dev.strata.api.StrataDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DriftConfig;
import dev.strata.migrations.config.CodegenConfig;
import dev.strata.migrations.config.FleetConfig;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.execute.ExecutionListener;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetDiscovery;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintGateCheck;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lint.ServerScratchDatabases;
import dev.strata.migrations.resolve.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's {@code migrations.lint} gate where the CLI's single-database commands are not the caller: a fleet's
 * migrate (each tenant linted in its own schema of a scratch database) and the runtime's {@code auto_migrate}. The
 * refusal is the CLI's ({@link LintFindingsException}, exit code 4 there), and nothing is applied.
 */
@ExtendWith(FreshDatabase.class)
class LintGateTest {
    private static final DatabaseSettings NO_CREDENTIALS = new DatabaseSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), 1, Duration.ofSeconds(10), false);

    @TempDir
    Path migrations;

    @BeforeEach
    void firstRelease() throws IOException {
        Files.writeString(migrations.resolve("V1__jobs.sql"), "create table jobs (id bigint primary key, note text);\n"
                + "insert into jobs select g, null from generate_series(1, 100) g;\n");
    }

    private void secondReleaseDropsAColumn() throws IOException {
        Files.writeString(migrations.resolve("V2__drop_note.sql"), "create table job_tags (job_id bigint, tag text);\n"
                + "alter table jobs drop column note;\n");
    }

    private MigrationSettings settings() {
        return MigrationSettings.defaults().withLocations(List.of(new Location.Filesystem(migrations)));
    }

    private static ScratchDatabases scratchOn(TestDatabase server) {
        return new ServerScratchDatabases(server.url(), NO_CREDENTIALS);
    }

    @Test
    void aFleetRefusesEachTenantWhoseFilesHaveAnErrorAndAppliesNothingThere(TestDatabase database,
                                                                             TestDatabase scratchServer)
            throws IOException {
        Queries.execute(database, "create schema tenant_a; create schema tenant_b");
        Fleet fleet = new Fleet(NO_CREDENTIALS, settings(), getClass().getClassLoader(), false);
        List<Target> tenants = TargetDiscovery.schemas(database.connectionSource(),
                DatabaseUrl.parse(database.postgresUrl(), "the test"), "tenant_*");
        assertThat(fleet.run(FleetCommand.MIGRATE, tenants, FleetOptions.defaults(), FleetListener.NONE)
                .allSucceeded()).isTrue();
        secondReleaseDropsAColumn();

        FleetResult refused = fleet.withLintGate(new LintGateCheck(LintGate.ERROR, scratchOn(scratchServer)))
                .run(FleetCommand.MIGRATE, tenants, FleetOptions.defaults().withParallel(2), FleetListener.NONE);

        assertThat(refused.failed()).isEqualTo(2);
        for (TargetResult tenant : refused.targets()) {
            TargetOutcome.Failed failed = (TargetOutcome.Failed) tenant.outcome();
            assertThat(failed.kind()).isEqualTo(TargetOutcome.FailureKind.VALIDATION_FAILED);
            assertThat(failed.script()).contains("V2__drop_note.sql");
            assertThat(failed.message()).startsWith("1 lint finding at or above error remains")
                    .contains("V2__drop_note.sql line 2: drop-column: drops column note: " + tenant.name()
                            + ".jobs is locked ACCESS EXCLUSIVE")
                    .as("replayed in the tenant's schema, so weighed with its table's size")
                    .contains(tenant.name() + ".jobs in the target: ");
            assertThat(Queries.relationExists(database, tenant.name() + ".job_tags")).as("nothing of V2").isFalse();
        }
        assertThat(Queries.queryLong(scratchServer, "select count(*) from pg_database"
                + " where datname like 'strata_scratch_%'")).as("scratch databases dropped").isZero();

        FleetResult warned = fleet.withLintGate(new LintGateCheck(LintGate.WARN, scratchOn(scratchServer)))
                .run(FleetCommand.MIGRATE, tenants, FleetOptions.defaults(), FleetListener.NONE);

        assertThat(warned.allSucceeded()).isTrue();
        assertThat(warned.filesApplied()).isEqualTo(2);
    }

    @Test
    void autoMigrateRefusesBeforeTheFirstConnectionAndAppliesNothing(TestDatabase database) throws IOException {
        new Migrator(database.connectionSource(), settings(), getClass().getClassLoader(), ExecutionListener.NONE)
                .migrate();
        secondReleaseDropsAColumn();
        DatabaseSettings autoMigrate = new DatabaseSettings(Optional.of(database.url()), Optional.empty(),
                Optional.empty(), 2, Duration.ofSeconds(10), true);

        assertThatThrownBy(() -> new StrataDatabase(config(autoMigrate, LintGate.ERROR)))
                .isInstanceOf(LintFindingsException.class)
                .hasMessageStartingWith("migrations.lint = \"error\" refused to migrate ")
                .hasMessageContaining(": 1 lint finding at or above error remains:\n  V2__")
                .hasMessageContaining(": error: drop-column: drops column");
        assertThat(Queries.relationExists(database, "public.job_tags")).isFalse();
        assertThat(Queries.queryLong(database, "select count(*) from pg_database where datname like"
                + " 'strata_scratch_%'")).as("the scratch database, made on the same server, dropped").isZero();

        DatabaseSettings wrapped = new DatabaseSettings(Optional.empty(), Optional.empty(), Optional.empty(), 2,
                Duration.ofSeconds(10), true);
        assertThatThrownBy(() -> StrataDatabase.wrap(dataSource(database), config(wrapped, LintGate.ERROR)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("migrations.lint = \"error\" with database.auto_migrate lints the pending"
                        + " migrations on a scratch database");

        try (StrataDatabase warned = new StrataDatabase(config(autoMigrate, LintGate.WARN))) {
            assertThat(warned.migration()).hasValueSatisfying(result -> assertThat(result.applied()).hasSize(1));
        }
    }

    private static DataSource dataSource(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    private StrataConfig config(DatabaseSettings database, LintGate gate) {
        return new StrataConfig(database, settings(), CodegenConfig.UNSET, DriftConfig.UNSET, FleetConfig.NONE, gate,
                Optional.empty());
    }
}

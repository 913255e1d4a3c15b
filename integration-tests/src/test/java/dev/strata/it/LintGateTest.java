package dev.strata.it;

import dev.strata.api.StrataDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.fleet.Fleet;
import dev.strata.migrations.fleet.FleetCommand;
import dev.strata.migrations.fleet.FleetListener;
import dev.strata.migrations.fleet.FleetOptions;
import dev.strata.migrations.fleet.FleetResult;
import dev.strata.migrations.fleet.Target;
import dev.strata.migrations.fleet.TargetDiscovery;
import dev.strata.migrations.fleet.TargetOutcome;
import dev.strata.migrations.fleet.TargetResult;
import dev.strata.migrations.lint.LintFindingsException;
import dev.strata.migrations.lint.LintGateCheck;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lint.ScratchServer;
import dev.strata.migrations.lint.ServerScratchDatabases;
import dev.strata.migrations.lint.SharedScratchServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
    void aFleetRunStartsOneScratchServerForAllItsTargetsAndStopsItAfterTheLast(TestDatabase database,
                                                                               TestDatabase scratchServer)
            throws IOException {
        Queries.execute(database, "create schema tenant_a; create schema tenant_b; create schema tenant_c");
        Fleet fleet = new Fleet(NO_CREDENTIALS, settings(), getClass().getClassLoader(), false);
        List<Target> targets = new ArrayList<>(TargetDiscovery.schemas(database.connectionSource(),
                DatabaseUrl.parse(database.postgresUrl(), "the test"), "tenant_*"));
        targets.add(Target.database("main", DatabaseUrl.parse(database.postgresUrl(), "the test")));
        assertThat(fleet.run(FleetCommand.MIGRATE, targets, FleetOptions.defaults(), FleetListener.NONE)
                .allSucceeded()).isTrue();
        secondReleaseDropsAColumn();
        // The seam: a "server" whose databases are made on the test's scratch server, counting starts and stops,
        // the databases opened, and those still open when it is stopped.
        AtomicInteger started = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger openAtStop = new AtomicInteger(-1);
        ScratchServer server = new ScratchServer() {
            @Override
            public ScratchDatabases databases() {
                return () -> {
                    ScratchDatabases.Scratch scratch = scratchOn(scratchServer).open();
                    opened.incrementAndGet();
                    open.incrementAndGet();
                    return ScratchDatabases.Scratch.of(scratch.connections(), () -> {
                        open.decrementAndGet();
                        scratch.close();
                    });
                };
            }

            @Override
            public void close() {
                stopped.incrementAndGet();
                openAtStop.set(open.get());
            }
        };
        ScratchDatabases startsAServer = new ScratchDatabases() {
            @Override
            public Scratch open() {
                throw new AssertionError("a fleet run opens its scratch databases on the server it shares");
            }

            @Override
            public Shared shared() {
                return new SharedScratchServer(() -> {
                    started.incrementAndGet();
                    return server;
                });
            }
        };

        FleetResult refused = fleet.withLintGate(new LintGateCheck(LintGate.ERROR, startsAServer))
                .run(FleetCommand.MIGRATE, targets, FleetOptions.defaults().withParallel(3), FleetListener.NONE);

        assertThat(refused.failed()).as("each target linted, and refused").isEqualTo(4);
        assertThat(refused.targets()).allSatisfy(target -> assertThat(((TargetOutcome.Failed) target.outcome())
                .message()).startsWith("1 lint finding at or above error remains"));
        assertThat(started).as("servers started").hasValue(1);
        assertThat(opened).as("a database of its own for each target").hasValue(4);
        assertThat(stopped).as("servers stopped").hasValue(1);
        assertThat(openAtStop).as("scratch databases still open when the server stopped").hasValue(0);
        assertThat(Queries.queryLong(scratchServer, "select count(*) from pg_database"
                + " where datname like 'strata_scratch_%'")).as("scratch databases dropped").isZero();

        FleetResult warned = fleet.withLintGate(new LintGateCheck(LintGate.WARN, startsAServer))
                .run(FleetCommand.MIGRATE, targets, FleetOptions.defaults().withParallel(3), FleetListener.NONE);
        FleetResult upToDate = fleet.withLintGate(new LintGateCheck(LintGate.WARN, startsAServer))
                .run(FleetCommand.MIGRATE, targets, FleetOptions.defaults().withParallel(3), FleetListener.NONE);

        assertThat(warned.allSucceeded()).isTrue();
        assertThat(warned.filesApplied()).isEqualTo(4);
        assertThat(upToDate.allSucceeded()).isTrue();
        assertThat(started).as("one more for the run that linted, none for the one with nothing pending").hasValue(2);
        assertThat(stopped).hasValue(2);
        assertThat(opened).hasValue(8);
    }

    @Test
    void autoMigrateRefusesBeforeTheFirstConnectionAndAppliesNothing(TestDatabase database, @TempDir Path application)
            throws IOException {
        new Migrator(database.connectionSource(), settings(), getClass().getClassLoader(), ExecutionListener.NONE)
                .migrate();
        secondReleaseDropsAColumn();
        Path refusing = configFile(application, LintGate.ERROR);

        assertThatThrownBy(() -> StrataDatabase.builder(refusing).url(database.postgresUrl()).build())
                .isInstanceOf(LintFindingsException.class)
                .hasMessageStartingWith("migrations.lint = \"error\" refused to migrate ")
                .hasMessageContaining(": 1 lint finding at or above error remains:\n  V2__")
                .hasMessageContaining(": error: drop-column: drops column");
        assertThat(Queries.relationExists(database, "public.job_tags")).isFalse();
        assertThat(Queries.queryLong(database, "select count(*) from pg_database where datname like"
                + " 'strata_scratch_%'")).as("the scratch database, made on the same server, dropped").isZero();

        assertThatThrownBy(() -> StrataDatabase.builder(refusing).dataSource(dataSource(database)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("migrations.lint = \"error\" with database.auto_migrate lints the pending"
                        + " migrations on a scratch database");

        try (StrataDatabase warned = StrataDatabase.builder(configFile(application, LintGate.WARN))
                .url(database.postgresUrl()).build()) {
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

    /** The application's strata.toml: auto_migrate with the lint gate on this test's migrations; no database URL. */
    private Path configFile(Path directory, LintGate gate) throws IOException {
        return Files.writeString(directory.resolve("strata-" + gate.label() + ".toml"), """
                [database]
                auto_migrate = true
                pool_size = 2

                [migrations]
                locations = ["filesystem:%s"]
                lint = "%s"
                """.formatted(migrations, gate.label()));
    }
}

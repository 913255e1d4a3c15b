package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.lock.ReadOnlySessionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A primary whose sessions are read-only ({@code default_transaction_read_only}, set for a database or a role during a
 * maintenance freeze) is refused up front by every command that writes, as a hot standby is: exit code 2, a message
 * naming the setting and the fix, nothing written; the commands that only read still work.
 */
@ExtendWith(FreshDatabase.class)
class ReadOnlySessionProcessTest {
    @TempDir
    Path workingDirectory;

    @Test
    void aReadOnlyRoleIsRefusedBeforeAnythingIsWrittenAndStatusStillReads(TestDatabase database) throws Exception {
        Path migrations = migrations();
        DeployerRole deployer = DeployerRole.create(database);
        Map<String, String> environment = deployer.environment(migrations);
        Queries.execute(database, "alter role " + deployer.name() + " set default_transaction_read_only = on");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");
        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(2);
        assertThat(migrate.stderr()).contains("error: refusing to migrate ", ": its sessions are read-only"
                        + " (default_transaction_read_only is on", "nothing was written",
                "fix: find where it is set", "alter role <user> set default_transaction_read_only = off")
                .doesNotContain("SQLSTATE 25006", "migration failed", deployer.password());
        assertThat(Queries.relationExists(database, "strata_schema_history")).as("history table").isFalse();
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("1 pending");

        Queries.execute(database, "alter role " + deployer.name() + " reset default_transaction_read_only");
        StrataCli.Result afterTheFreeze = StrataCli.run(workingDirectory, environment, "migrate");
        assertThat(afterTheFreeze.exitCode()).as(afterTheFreeze.toString()).isZero();
        assertThat(migrator(database, migrations).plan().isUpToDate()).isTrue();
    }

    @Test
    void theEnginesWritersAreRefusedOnADatabaseSetReadOnly(TestDatabase database) throws IOException {
        Path migrations = migrations();
        Queries.execute(database, "alter database " + database.name() + " set default_transaction_read_only = on");
        Migrator migrator = migrator(database, migrations);

        MigrationPlan plan = migrator.plan();

        assertThat(plan.pending()).hasSize(1);
        assertThatThrownBy(migrator::migrate).isInstanceOf(ReadOnlySessionException.class)
                .hasMessageContaining("refusing to migrate");
        assertThatThrownBy(() -> migrator.baseline(Version.parse("1"), "baseline"))
                .isInstanceOf(ReadOnlySessionException.class).hasMessageContaining("refusing to baseline");
        assertThatThrownBy(migrator::repair).isInstanceOf(ReadOnlySessionException.class)
                .hasMessageContaining("refusing to repair");
        assertThat(Queries.relationExists(database, "strata_schema_history")).as("history table").isFalse();
    }

    private Path migrations() throws IOException {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"), "create table accounts (id int primary key);\n");
        return migrations;
    }

    private static Migrator migrator(TestDatabase database, Path migrations) {
        return new Migrator(database.connectionSource(), MigrationSettings.defaults()
                .withLocations(List.of(new Location.Filesystem(migrations))));
    }
}

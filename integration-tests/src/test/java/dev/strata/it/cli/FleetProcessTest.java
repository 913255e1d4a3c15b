package dev.strata.it.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --targets} through the real jar: targets from the file and from a schema pattern, summaries, JSON, exits. */
@ExtendWith(FreshDatabase.class)
class FleetProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    @BeforeEach
    void migrations() throws IOException {
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_accounts.sql"), "create table accounts (id int primary key);\n");
        Files.writeString(migrations.resolve("V2__create_audit.sql"), "create table audit (id int primary key);\n");
    }

    private Map<String, String> environment(TestDatabase database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("STRATA_DATABASE__URL", database.postgresUrl());
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:migrations");
        return environment;
    }

    /** The database's URL with its user and no password: a target's password comes from its own variable. */
    private static String withoutPassword(TestDatabase database) {
        return "postgresql://" + database.user() + "@" + database.jdbcUrl().substring("jdbc:postgresql://".length());
    }

    @Test
    void targetsDeclaredInTheFileAreMigratedAndTheStatusViewCountsThemByVersion(TestDatabase database,
                                                                               TestDatabase ownDatabase)
            throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), """
                [[targets]]
                name = "alpha"
                schema = "tenant_alpha"

                [[targets]]
                name = "beta"
                schema = "tenant_beta"

                [[targets]]
                name = "own-db"
                url = "%s"
                password_variable = "OWN_DB_PASSWORD"
                """.formatted(withoutPassword(ownDatabase)));
        Map<String, String> environment = environment(database);
        environment.put("OWN_DB_PASSWORD", ownDatabase.password());

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate", "--targets", "all",
                "--parallel", "2");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("Migrating 3 targets (parallel 2, on failure continue)")
                .containsPattern("alpha\\s+none\\s+2\\s+2\\s+[0-9.]+ s\\s+ok")
                .contains("Fleet status: 3 at 2.").contains("3 targets in").contains("3 succeeded, 0 failed")
                .contains("6 files applied");
        assertThat(Queries.relationExists(database, "tenant_beta.audit")).isTrue();
        assertThat(Queries.relationExists(database, "public.audit")).isFalse();
        assertThat(Queries.relationExists(ownDatabase, "public.audit")).isTrue();

        Files.writeString(workingDirectory.resolve("migrations/V3__add_note.sql"), "alter table audit add note text;\n");
        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status", "--targets", "*a");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).containsPattern("alpha\\s+2\\s+1\\s+").containsPattern("beta\\s+2\\s+1\\s+")
                .doesNotContain("own-db").contains("Fleet status: 2 at 2.");

        StrataCli.Result plan = StrataCli.run(workingDirectory, environment, "plan", "--targets", "alpha");
        StrataCli.Result planJson = StrataCli.run(workingDirectory, environment, "plan", "--targets", "all",
                "--output", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("Planning 1 target").containsPattern("would reach")
                .containsPattern("alpha\\s+2\\s+1\\s+3\\s+[0-9.]+ s\\s+ok").contains("Fleet status: 1 at 2.");
        assertThat(planJson.exitCode()).as(planJson.toString()).isZero();
        JsonNode fleet = singleDocument(planJson).path("fleet");
        assertThat(fleet.path("targets")).hasSize(3);
        for (JsonNode target : fleet.path("targets")) {
            assertThat(target.path("from").asText()).as(target.toString()).isEqualTo("2");
            assertThat(target.path("pending").asInt()).as(target.toString()).isEqualTo(1);
            assertThat(target.path("to").asText()).as(target.toString()).isEqualTo("3");
            assertThat(target.path("filesApplied").asInt()).as(target.toString()).isZero();
        }
        assertThat(fleet.path("versions").get(0).path("version").asText()).isEqualTo("2");
        assertThat(Queries.relationExists(database, "tenant_alpha.audit")).isTrue();
        assertThat(Queries.queryLong(database, "select count(*) from tenant_alpha.strata_schema_history"))
                .as("plan changed nothing").isEqualTo(2);
    }

    @Test
    void aFailingTenantFailsTheRunWithItsFileAndCountAndTheJsonStaysOneValidDocument(TestDatabase database)
            throws IOException {
        String wrongPassword = Secrets.register("Wr0ng-" + HexFormat.of().toHexDigits(
                ThreadLocalRandom.current().nextInt()));
        for (String schema : new String[] {"shop_a", "shop_b", "shop_c"}) {
            Queries.execute(database, "create schema " + schema);
        }
        Queries.execute(database, "create table shop_b.audit (id int)");
        Files.writeString(workingDirectory.resolve("strata.toml"), """
                [fleet]
                schemas = "shop_*"

                [[targets]]
                name = "locked-out"
                url = "%s"
                password_variable = "LOCKED_PASSWORD"
                """.formatted(withoutPassword(database)));
        Map<String, String> environment = environment(database);
        environment.put("LOCKED_PASSWORD", wrongPassword);
        environment.put("STRATA_MIGRATIONS__ALLOW_NON_EMPTY", "true");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate", "--targets", "all",
                "--output", "json");

        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(1);
        assertThat(migrate.all()).doesNotContain(wrongPassword);
        assertThat(migrate.stderr()).contains("2 of 4 targets failed").contains("shop_b: migration V2__create_audit.sql");
        JsonNode document = singleDocument(migrate);
        assertThat(document.path("ok").asBoolean()).isFalse();
        assertThat(document.path("error").path("exitCode").asInt()).isEqualTo(1);
        JsonNode fleet = document.path("fleet");
        assertThat(fleet.path("totals").path("targets").asInt()).isEqualTo(4);
        assertThat(fleet.path("totals").path("succeeded").asInt()).isEqualTo(2);
        assertThat(fleet.path("totals").path("failed").asInt()).isEqualTo(2);
        JsonNode shopB = fleet.path("targets").get(2);
        assertThat(shopB.path("name").asText()).isEqualTo("shop_b");
        assertThat(shopB.path("result").asText()).isEqualTo("failed");
        assertThat(shopB.path("from").isNull()).isTrue();
        assertThat(shopB.path("to").asText()).isEqualTo("1");
        assertThat(shopB.path("filesApplied").asInt()).isEqualTo(1);
        assertThat(shopB.path("error").path("script").asText()).isEqualTo("V2__create_audit.sql");
        assertThat(shopB.path("error").path("line").asInt()).isEqualTo(1);
        assertThat(shopB.path("error").path("sqlState").asText()).isEqualTo("42P07");
        JsonNode lockedOut = fleet.path("targets").get(0);
        assertThat(lockedOut.path("name").asText()).isEqualTo("locked-out");
        assertThat(lockedOut.path("error").path("kind").asText()).isEqualTo("cannot_connect");
        assertThat(fleet.path("versions").get(0).path("version").asText()).isEqualTo("2");
        assertThat(fleet.path("versions").get(0).path("targets").asInt()).isEqualTo(2);
        assertThat(fleet.path("versions").get(1).path("version").asText()).isEqualTo("1");

        Queries.execute(database, "drop table shop_b.audit");
        StrataCli.Result again = StrataCli.run(workingDirectory, environment, "migrate", "--targets", "shop_*");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).containsPattern("shop_b\\s+1\\s+2\\s+1\\s+").containsPattern("shop_a\\s+2\\s+2\\s+0\\s+")
                .contains("Fleet status: 3 at 2.");
    }

    @Test
    void fleetOptionsWithoutTargetsAndASelectionMatchingNothingAreUsageErrors(TestDatabase database)
            throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), "[fleet]\nschemas = \"tenant_*\"\n");

        StrataCli.Result stray = StrataCli.run(workingDirectory, environment(database), "migrate", "--parallel", "2");
        StrataCli.Result none = StrataCli.run(workingDirectory, environment(database), "validate", "--targets",
                "nobody");

        assertThat(stray.exitCode()).as(stray.toString()).isEqualTo(2);
        assertThat(stray.stderr()).contains("--parallel, --on-failure and --canary need --targets");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.stderr()).contains("--targets nobody matches none of the 0 targets");

        StrataCli.Result analyze = StrataCli.run(workingDirectory, environment(database), "plan", "--targets", "all",
                "--analyze");

        assertThat(analyze.exitCode()).as(analyze.toString()).isEqualTo(2);
        assertThat(analyze.stderr()).contains("--analyze works on one database");
    }

    @Test
    void diffWithTargetsListsEveryTargetExitsFourWhenOneDriftedAndKeepsJsonOneDocument(TestDatabase database)
            throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), "[fleet]\nschemas = \"shop_*\"\n");
        for (String schema : new String[] {"shop_a", "shop_b"}) {
            Queries.execute(database, "create schema " + schema);
        }
        Map<String, String> environment = environment(database);
        assertThat(StrataCli.run(workingDirectory, environment, "migrate", "--targets", "all").exitCode()).isZero();

        StrataCli.Result clean = StrataCli.run(workingDirectory, environment, "diff", "--targets", "all",
                "--scratch-url", database.postgresUrl());

        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.stdout()).contains("Comparing 2 targets").containsPattern("shop_a\\s+2\\s+0\\s+[0-9.]+ s\\s+ok")
                .contains("Fleet status: 2 at 2.").contains("2 succeeded, 0 failed");

        Queries.execute(database, "create index by_hand on shop_b.audit (id)");
        StrataCli.Result drifted = StrataCli.run(workingDirectory, environment, "diff", "--targets", "all",
                "--output", "json", "--scratch-url", database.postgresUrl());

        assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(4);
        assertThat(drifted.stderr()).contains("1 of 2 targets failed").contains("shop_b: drifted from its migrations")
                .contains("by_hand");
        JsonNode document = singleDocument(drifted);
        assertThat(document.path("ok").asBoolean()).isFalse();
        assertThat(document.path("error").path("exitCode").asInt()).isEqualTo(4);
        assertThat(document.path("scratch").asText()).contains("(scratch)");
        JsonNode targets = document.path("fleet").path("targets");
        assertThat(targets.get(0).path("result").asText()).isEqualTo("succeeded");
        assertThat(targets.get(1).path("result").asText()).isEqualTo("failed");
        assertThat(targets.get(1).path("error").path("kind").asText()).isEqualTo("drifted");
        assertThat(Queries.queryLong(database, "select count(*) from pg_catalog.pg_database where datname like"
                + " 'strata_scratch_%'")).as("the scratch database dropped").isZero();
    }

    @Test
    void adoptWithTargetsTakesOverEachTenantsHistoryAndRefusesTheDirtyOneWithNothingRecorded(TestDatabase database)
            throws IOException {
        Files.writeString(workingDirectory.resolve("strata.toml"), "[fleet]\nschemas = \"gm_*\"\n");
        for (String schema : new String[] {"gm_a", "gm_b"}) {
            Queries.execute(database, "create schema " + schema);
            Queries.execute(database, "create table " + schema + ".accounts (id int primary key)");
            Queries.execute(database, "create table " + schema + ".audit (id int primary key)");
            Queries.execute(database, "create table " + schema + ".schema_migrations (version bigint primary key,"
                    + " dirty boolean not null)");
        }
        Queries.execute(database, "insert into gm_a.schema_migrations values (2, false)");
        Queries.execute(database, "insert into gm_b.schema_migrations values (2, true)");
        Path files = Files.createDirectories(workingDirectory.resolve("golang"));
        Files.writeString(files.resolve("1_create_accounts.up.sql"), "create table accounts (id int primary key);\n");
        Files.writeString(files.resolve("2_create_audit.up.sql"), "create table audit (id int primary key);\n");
        Map<String, String> environment = environment(database);
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:golang");
        environment.put("STRATA_MIGRATIONS__LAYOUT", "sqlx");

        StrataCli.Result refused = StrataCli.run(workingDirectory, environment, "adopt", "--from", "golang-migrate",
                "--targets", "all");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.stdout()).contains("Adopting the history of 2 targets")
                .containsPattern("gm_a\\s+none\\s+2\\s+2\\s+[0-9.]+ s\\s+ok").contains("2 rows adopted");
        assertThat(refused.stderr()).contains("1 of 2 targets failed").contains("gm_b: ").contains("dirty");
        assertThat(Queries.relationExists(database, "gm_b.strata_schema_history")
                ? Queries.queryLong(database, "select count(*) from gm_b.strata_schema_history") : 0L).isZero();

        Queries.execute(database, "update gm_b.schema_migrations set dirty = false");
        StrataCli.Result again = StrataCli.run(workingDirectory, environment, "adopt", "--from", "golang-migrate",
                "--targets", "all");
        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate", "--targets", "all");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).containsPattern("gm_a\\s+2\\s+2\\s+0\\s+").containsPattern("gm_b\\s+none\\s+2\\s+2\\s+")
                .contains("Fleet status: 2 at 2.");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.stdout()).contains("0 files applied");
    }

    private static JsonNode singleDocument(StrataCli.Result result) throws IOException {
        try (JsonParser parser = JSON.createParser(result.stdout())) {
            JsonNode document = JSON.readTree(parser);
            assertThat(parser.nextToken()).as("anything after the document in:\n" + result.stdout()).isNull();
            assertThat(document).as(result.toString()).isNotNull();
            return document;
        }
    }
}

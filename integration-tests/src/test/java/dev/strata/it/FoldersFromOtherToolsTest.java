package dev.strata.it;

import dev.strata.migrations.MigrateResult;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.NonEmptySchemaException;
import dev.strata.migrations.UndoResult;
import dev.strata.migrations.ValidationFailedException;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.history.HistoryUnreadableException;
import dev.strata.migrations.plan.NoOpScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What folders written for other tools need (issue 20): files without statements, undo files checked by validate,
 * files of only non-transactional statements, and databases another tool migrated. Fixtures are this test's own.
 */
@ExtendWith(FreshDatabase.class)
class FoldersFromOtherToolsTest {

    @Test
    void emptyAndCommentOnlyFilesAreAppliedAsNoOpsAndRecorded(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__accounts.sql", "create table accounts (id int primary key);\n")
                .write("V2__mysql_only.sql", "-- this step is for MySQL; nothing to do on PostgreSQL\n")
                .write("V3__placeholder.sql", "")
                .write("U3__placeholder.sql", "/* nothing to undo */\n")
                .write("R__nothing_yet.sql", "  \n");

        MigrateResult result = files.migrator(database).migrate();

        assertThat(result.applied()).extracting(AppliedFile::script)
                .containsExactly("V1__accounts.sql", "V2__mysql_only.sql", "V3__placeholder.sql", "R__nothing_yet.sql");
        assertThat(result.applied()).extracting(AppliedFile::statements).containsExactly(1, 0, 0, 0);
        assertThat(Queries.appliedVersions(database)).containsExactly("1", "2", "3");
        MigrationPlan status = files.migrator(database).plan();
        assertThat(status.problems()).isEmpty();
        assertThat(status.entries()).filteredOn(NoOpScripts::isNoOp).extracting(PlanEntry::script)
                .containsExactly("V2__mysql_only.sql", "V3__placeholder.sql", "R__nothing_yet.sql");

        UndoResult undone = files.migrator(database).undo(Optional.empty());

        assertThat(undone.undone()).extracting(AppliedFile::script).containsExactly("U3__placeholder.sql");
        assertThat(files.migrator(database).plan().current()).map(Object::toString).contains("2");
    }

    @Test
    void anEmptyMigrationWithAnUndoFileIsFine(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__nothing.sql", "\n")
                .write("U1__nothing.sql", "select 1;\n");

        assertThat(files.migrator(database).validate().problems()).isEmpty();
        assertThat(files.migrator(database).migrate().applied()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "NEEDS_NO_TRANSACTION|drop table accounts;\\ndrop index concurrently accounts_idx;|2",
            "TRANSACTION_CONTROL|begin;\\ndrop table accounts;\\ncommit;|1",
            "CLIENT_COMMAND|drop table accounts;\\n\\echo done|2",
            "INVALID_DIRECTIVE|-- strata:transaction=maybe\\ndrop table accounts;|1"})
    void validateRefusesAnUndoFileThatUndoWouldRefuseNamingFileAndLine(ProblemKind kind, String undo, int line,
                                                                        TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__accounts.sql", "create table accounts (id int primary key);\n")
                .write("U1__accounts.sql", undo.replace("\\n", "\n"));

        ValidationFailedException refused = catchThrowableOfType(ValidationFailedException.class,
                files.migrator(database)::validate);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.message()).startsWith(dir.resolve("U1__accounts.sql") + ":" + line + ": ");
        });
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();
    }

    /**
     * {@code CREATE INDEX CONCURRENTLY} waits for every transaction that holds a snapshot: a lock held by a connection
     * sitting in a transaction would make it wait for ever (which Flyway does on such a file). Strata's session lock
     * holds none; the timeout only stops a hang from stalling the build.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void detectRunsAFileOfOnlyConcurrentIndexBuildsWithoutATransactionAndTheLockDoesNotHang(TestDatabase database,
                                                                                          @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__orders.sql", "create table orders (id bigint generated always as identity, customer int);\n"
                        + "insert into orders (customer) select g % 100 from generate_series(1, 10000) g;\n")
                .write("V2__index_orders.sql", "-- built while the application writes\n"
                        + "create index concurrently orders_customer on orders (customer);\n"
                        + "create unique index concurrently orders_id on orders (id);\n");
        MigrationSettings detect = files.settings().withNonTransactional(NonTransactionalFiles.DETECT);

        MigrateResult result = MigrationFiles.migrator(database, detect).migrate();

        assertThat(result.applied()).extracting(AppliedFile::script)
                .containsExactly("V1__orders.sql", "V2__index_orders.sql");
        assertThat(Queries.queryLong(database, "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname in ('orders_customer', 'orders_id') and i.indisvalid")).isEqualTo(2);
        assertThat(Queries.queryLong(database, "select count(*) from pg_locks where locktype = 'advisory'"))
                .isZero();
    }

    @Test
    void detectStillRefusesAFileMixingBothKindsWithFileAndLine(TestDatabase database, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__orders.sql", "create table orders (id int, customer int);\n"
                        + "create index concurrently orders_customer on orders (customer);\n");
        Migrator migrator = MigrationFiles.migrator(database,
                files.settings().withNonTransactional(NonTransactionalFiles.DETECT));

        ValidationFailedException refused = catchThrowableOfType(ValidationFailedException.class, migrator::migrate);

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.NEEDS_NO_TRANSACTION);
            assertThat(problem.message()).startsWith(dir.resolve("V1__orders.sql") + ":2: ");
        });
        assertThat(Queries.relationExists(database, "orders")).isFalse();
    }

    @Test
    void migrateRefusesASchemaWithObjectsButNoHistoryAndChangesNothing(TestDatabase database, @TempDir Path dir) {
        Queries.execute(database, "create table legacy_customers (id int); create view legacy_names as select id from"
                + " legacy_customers; create type legacy_mood as enum ('ok'); create function legacy_one() returns int"
                + " language sql as 'select 1'");
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__customers.sql", "create table if not exists legacy_customers (id int);\n");

        NonEmptySchemaException refused = catchThrowableOfType(NonEmptySchemaException.class,
                files.migrator(database)::migrate);

        assertThat(refused.getMessage()).contains("public holds 4 objects")
                .contains("function public.legacy_one", "table public.legacy_customers", "type public.legacy_mood",
                        "view public.legacy_names")
                .contains("no Strata history table public.strata_schema_history");
        assertThat(refused.hint()).contains("strata baseline", "strata adopt --from", "migrations.allow_non_empty");
        assertThat(Queries.relationExists(database, "strata_schema_history")).isFalse();

        MigrateResult allowed = MigrationFiles.migrator(database, files.settings().withAllowNonEmpty(true)).migrate();

        assertThat(allowed.applied()).hasSize(1);
        assertThat(Queries.appliedVersions(database)).containsExactly("1");
    }

    @Test
    void aBaselineTakesOverANonEmptySchemaWithoutTheOverride(TestDatabase database, @TempDir Path dir) {
        Queries.execute(database, "create table legacy_customers (id int)");
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__customers.sql", "create table legacy_customers (id int);\n")
                .write("V2__orders.sql", "create table orders (id int);\n");
        files.migrator(database).baseline(dev.strata.migrations.core.Version.parse("1"), "taken over");

        assertThat(files.migrator(database).migrate().applied()).extracting(AppliedFile::script)
                .containsExactly("V2__orders.sql");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Flyway|flyway_schema_history|installed_rank int primary key, version varchar(50), description varchar(200),"
                    + " type varchar(20), script varchar(1000), checksum int, installed_by varchar(100),"
                    + " installed_on timestamp default now(), execution_time int, success boolean",
            "sqlx|_sqlx_migrations|version bigint primary key, description text, installed_on timestamptz default now(),"
                    + " success boolean, checksum bytea, execution_time bigint",
            "golang-migrate|schema_migrations|version bigint primary key, dirty boolean",
            "dbmate|schema_migrations|version varchar(128) primary key",
            "diesel|__diesel_schema_migrations|version varchar(50) primary key, run_on timestamp default now()",
            "goose|goose_db_version|id serial primary key, version_id bigint, is_applied boolean, tstamp timestamp",
            "popx|schema_migration|version varchar(48) not null, version_self int not null default 0",
            "temporal-sql-tool|schema_version|version_partition int not null, db_name varchar(255) not null,"
                    + " creation_time timestamp, curr_version varchar(64), min_compatible_version varchar(64)"})
    void anotherToolsHistoryTableIsNamedAsSuch(String tool, String table, String columns, TestDatabase database,
                                               @TempDir Path dir) {
        Queries.execute(database, "create table " + table + " (" + columns + ")");
        MigrationFiles files = new MigrationFiles(dir).write("V1__a.sql", "create table a (id int);\n");
        Migrator migrator = MigrationFiles.migrator(database, files.settings().withHistoryTable(
                new dev.strata.migrations.core.SchemaTable("public", table)));

        HistoryUnreadableException refused = catchThrowableOfType(HistoryUnreadableException.class, migrator::migrate);

        assertThat(refused.getMessage()).contains("public." + table + ": it is " + tool + "'s history table");
        assertThat(refused.hint()).contains("set migrations.table back to Strata's own table")
                .contains("strata baseline");
        assertThat(Queries.relationExists(database, "a")).isFalse();
    }
}

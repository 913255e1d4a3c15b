package dev.strata.it;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.lint.FileFacts;
import dev.strata.migrations.lint.LintReplay;
import dev.strata.migrations.lint.LockMode;
import dev.strata.migrations.lint.RelationLock;
import dev.strata.migrations.lint.StatementFacts;
import dev.strata.migrations.plan.Planner;
import dev.strata.migrations.resolve.ResolvedMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.strata.migrations.lint.LockMode.ACCESS_EXCLUSIVE;
import static dev.strata.migrations.lint.LockMode.ROW_EXCLUSIVE;
import static dev.strata.migrations.lint.LockMode.SHARE;
import static dev.strata.migrations.lint.LockMode.SHARE_ROW_EXCLUSIVE;
import static dev.strata.migrations.lint.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay's measurements against what PostgreSQL documents (the ALTER TABLE, CREATE INDEX and explicit-locking
 * pages): for each statement on a populated table that existed before the file, the strongest lock the session holds
 * on it afterwards, whether its storage was rewritten and whether its rows were read. Runs on the test server's major
 * (17 by default; the core suite repeats it on 14, 15, 16 and 18 with the pgNN profiles). Each case gets the table
 * afresh in a schema of its own, dropped afterwards; the last statement of a case is the one checked.
 */
class LintCorpusTest {
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    /** What a case expects of its last statement on {@code t}: lock mode (empty: none held), rewrite, full read. */
    record Expected(Optional<LockMode> lock, boolean rewrite, boolean scan) {
    }

    static Expected held(LockMode mode, boolean rewrite, boolean scan) {
        return new Expected(Optional.of(mode), rewrite, scan);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("create index", "create index t_amount_idx on t (amount)", held(SHARE, false, true)),
                Arguments.of("create unique index", "create unique index t_name_uidx on t (name)",
                        held(SHARE, false, true)),
                Arguments.of("create index concurrently (no transaction)",
                        "-- strata:transaction=false\ncreate index concurrently t_amount_idx on t (amount)",
                        new Expected(Optional.empty(), false, false)),
                Arguments.of("drop index", "drop index t_name_idx", held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("add column, no default", "alter table t add column c int",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("add column, constant default", "alter table t add column c int not null default 0",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("add column, stable default now()",
                        "alter table t add column c timestamptz default now()", held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("add column, volatile default random()",
                        "alter table t add column c double precision default random()",
                        held(ACCESS_EXCLUSIVE, true, true)),
                Arguments.of("add column, volatile default clock_timestamp()",
                        "alter table t add column c timestamptz default clock_timestamp()",
                        held(ACCESS_EXCLUSIVE, true, true)),
                Arguments.of("widen varchar", "alter table t alter column name type varchar(100)",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("varchar to text", "alter table t alter column name type text",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("shorten varchar", "alter table t alter column name type varchar(20)",
                        held(ACCESS_EXCLUSIVE, true, true)),
                Arguments.of("int to bigint", "alter table t alter column amount type bigint",
                        held(ACCESS_EXCLUSIVE, true, true)),
                Arguments.of("set not null", "alter table t alter column amount set not null",
                        held(ACCESS_EXCLUSIVE, false, true)),
                Arguments.of("set not null with a validated check",
                        "alter table t add constraint t_amount_nn check (amount is not null);\n"
                                + "alter table t alter column amount set not null",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("add check", "alter table t add constraint t_amount_pos check (amount >= 0)",
                        held(ACCESS_EXCLUSIVE, false, true)),
                Arguments.of("add check not valid",
                        "alter table t add constraint t_amount_pos check (amount >= 0) not valid",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("validate constraint", "alter table t validate constraint t_amount_nonneg",
                        held(SHARE_UPDATE_EXCLUSIVE, false, true)),
                Arguments.of("add foreign key", "alter table t add constraint t_ref_fk foreign key (ref_id)"
                        + " references r (id)", held(SHARE_ROW_EXCLUSIVE, false, true)),
                Arguments.of("add foreign key not valid", "alter table t add constraint t_ref_fk foreign key (ref_id)"
                        + " references r (id) not valid", held(SHARE_ROW_EXCLUSIVE, false, false)),
                Arguments.of("add unique constraint", "alter table t add constraint t_name_key unique (name)",
                        held(ACCESS_EXCLUSIVE, false, true)),
                Arguments.of("drop column", "alter table t drop column note", held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("rename column", "alter table t rename column note to remark",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("set default", "alter table t alter column note set default 'n/a'",
                        held(ACCESS_EXCLUSIVE, false, false)),
                Arguments.of("set statistics", "alter table t alter column amount set statistics 500",
                        held(SHARE_UPDATE_EXCLUSIVE, false, false)),
                Arguments.of("set fillfactor", "alter table t set (fillfactor = 70)",
                        held(SHARE_UPDATE_EXCLUSIVE, false, false)),
                Arguments.of("comment on table", "comment on table t is 'the corpus table'",
                        held(SHARE_UPDATE_EXCLUSIVE, false, false)),
                Arguments.of("create trigger", "create trigger t_touch before update on t for each row"
                        + " execute function touch()", held(SHARE_ROW_EXCLUSIVE, false, false)),
                Arguments.of("set unlogged", "alter table t set unlogged", held(ACCESS_EXCLUSIVE, true, true)),
                Arguments.of("update every row", "update t set amount = amount + 1", held(ROW_EXCLUSIVE, false, true)),
                Arguments.of("create table beside it", "create table other (id int)",
                        new Expected(Optional.empty(), false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theReplayMeasuresWhatPostgresDocuments(String name, String sql, Expected expected) throws SQLException {
        try (Connection connection = database.open()) {
            connection.setAutoCommit(true);
            try (Statement setup = connection.createStatement()) {
                setup.execute("drop schema if exists corpus cascade; create schema corpus; set search_path = corpus");
                setup.execute("create table r (id bigint primary key);"
                        + "insert into r select g from generate_series(1, 100) g;"
                        + "create table t (id bigint primary key, name varchar(50), amount int, note text,"
                        + " ref_id bigint);"
                        + "insert into t select g, 'name ' || g, g % 100, null, g % 100 + 1"
                        + " from generate_series(1, 2000) g;"
                        + "create index t_name_idx on t (name);"
                        + "alter table t add constraint t_amount_nonneg check (amount >= 0) not valid;"
                        + "create function touch() returns trigger language plpgsql as $$ begin return new; end $$;"
                        + "analyze t; analyze r");
            }
            StatementFacts last = replay(connection, sql);

            Optional<LockMode> lock = last.heldOn("corpus.t").map(RelationLock::mode);
            assertThat(lock).as("lock held on t").isEqualTo(expected.lock());
            assertThat(last.rewrites().contains("corpus.t")).as("t rewritten").isEqualTo(expected.rewrite());
            assertThat(last.scans().contains("corpus.t")).as("t read in full").isEqualTo(expected.scan());
            assertThat(last.existed("corpus.t")).as("t existed before the file").isTrue();
            assertThat(last.notMeasured()).as("locks not measured only where no transaction could hold them")
                    .isEqualTo(sql.contains("concurrently") ? Optional.of(StatementFacts.NOT_MEASURED)
                            : Optional.empty());
        }
    }

    private static StatementFacts replay(Connection connection, String sql) throws SQLException {
        ResolvedMigration file = new ResolvedMigration(new MigrationId.Versioned(Version.parse("1")), "case",
                "V1__case.sql", "corpus", sql,
                Checksum.of(sql));
        List<PendingMigration> pending = new Planner(true).plan(new ResolvedMigrations(List.of(file), List.of()),
                List.of()).pending();
        List<FileFacts> facts = new LintReplay(StatementTimeouts.SERVER_DEFAULTS, false, "the test database")
                .replay(connection, pending);
        List<StatementFacts> statements = facts.get(0).statements();
        return statements.get(statements.size() - 1);
    }
}

package dev.strata.migrations.lint;

import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.lint.CatalogProbe.Relation;
import dev.strata.migrations.lint.CatalogProbe.Snapshot;
import dev.strata.migrations.plan.DirectiveReader;
import dev.strata.migrations.plan.DirectiveReader.Allowance;
import dev.strata.migrations.sql.SqlSplitter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs files on a scratch database the way {@code migrate} runs them (a file in one transaction, its directives'
 * timeouts over the run's) and, after each statement, reads what it did with {@link CatalogProbe}. A file without a
 * transaction has each statement measured in a transaction of its own, unless PostgreSQL refuses one (CREATE INDEX
 * CONCURRENTLY, VACUUM): that statement runs as migrate runs it, only its rewrites are seen, and its facts say its
 * locks were not measured (a second session watching {@code pg_locks} while it runs would be a race, not a
 * measurement).
 */
public final class LintReplay {
    /** PostgreSQL's "cannot run inside a transaction block". */
    private static final String ACTIVE_SQL_TRANSACTION = "25001";

    private final StatementTimeouts runTimeouts;
    private final boolean eachFileOnItsOwn;
    private final String scratch;
    private final boolean readColumns;

    /**
     * @param eachFileOnItsOwn whether a relation counts as existing when it existed before its file ({@code --all}:
     *                         every file is a release of its own), rather than before the first file of the run (the
     *                         pending files, released together: a table created earlier in the run is still empty)
     * @param scratch          how to name the scratch database in a failure
     */
    public LintReplay(StatementTimeouts runTimeouts, boolean eachFileOnItsOwn, String scratch) {
        this(runTimeouts, eachFileOnItsOwn, scratch, false);
    }

    /** @param readColumns whether to read the columns each statement adds or changes, for the style rules */
    public LintReplay(StatementTimeouts runTimeouts, boolean eachFileOnItsOwn, String scratch, boolean readColumns) {
        this.runTimeouts = runTimeouts;
        this.eachFileOnItsOwn = eachFileOnItsOwn;
        this.scratch = scratch;
        this.readColumns = readColumns;
    }

    /**
     * @param connection a connection to the scratch database in autocommit mode, migrated to the state before
     *                   {@code files}; the files are applied to it
     */
    public List<FileFacts> replay(Connection connection, List<PendingMigration> files) throws SQLException {
        Set<Long> runExisting = CatalogProbe.read(connection, false).relations().keySet();
        List<FileFacts> facts = new ArrayList<>();
        for (PendingMigration file : files) {
            Set<Long> existing = eachFileOnItsOwn ? CatalogProbe.read(connection, false).relations().keySet() : runExisting;
            facts.add(replayFile(connection, file, Set.copyOf(existing)));
        }
        return List.copyOf(facts);
    }

    private FileFacts replayFile(Connection connection, PendingMigration file, Set<Long> existing)
            throws SQLException {
        String script = file.migration().script();
        List<Allowance> allowances;
        try {
            allowances = DirectiveReader.allowances(file.migration().content());
        } catch (DirectiveReader.InvalidDirectiveException e) {
            throw new LintInputException(script + " line " + e.line() + ": " + e.getMessage(),
                    "fix the comment: -- strata:allow=<rule> <reason>");
        }
        List<SqlStatement> statements = file.statements();
        int lastLine = statements.isEmpty() ? 0 : statements.get(statements.size() - 1).line();
        StatementTimeouts timeouts = file.directives().timeouts().over(runTimeouts);
        boolean transactional = file.directives().transactional();
        List<StatementFacts> measured = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        if (transactional) {
            connection.setAutoCommit(false);
            setTimeouts(connection, timeouts);
        }
        try {
            Snapshot before = CatalogProbe.read(connection, readColumns);
            Map<Long, RelationLock> held = new LinkedHashMap<>();
            for (SqlStatement statement : statements) {
                if (!transactional) {
                    connection.setAutoCommit(false);
                    setTimeouts(connection, timeouts);
                    held.clear();
                }
                before.relations().values().forEach(relation -> names.put(relation.oid(), relation.name()));
                Optional<String> lockTimeout = CatalogProbe.lockTimeout(connection);
                boolean inTransaction = execute(connection, statement, script);
                Snapshot after = CatalogProbe.read(connection, readColumns);
                after.relations().values().forEach(relation -> names.put(relation.oid(), relation.name()));
                List<RelationLock> acquired = inTransaction
                        ? acquired(held, before, after, names, statement.line()) : List.of();
                Set<String> existingNames = new HashSet<>();
                existing.forEach(oid -> Optional.ofNullable(names.get(oid)).ifPresent(existingNames::add));
                measured.add(new StatementFacts(script, statement.line(), statement.sql(),
                        StatementFacts.normalize(SqlSplitter.executableSql(statement)), List.copyOf(held.values()), acquired,
                        rewrites(before, after), inTransaction ? scans(before, after, names) : List.of(),
                        after.defaults(), existingNames, lockTimeout, transactional, lastLine,
                        changedColumns(before, after), inTransaction));
                if (!transactional && inTransaction) {
                    connection.commit();
                    connection.setAutoCommit(true);
                    after = CatalogProbe.read(connection, readColumns);
                }
                before = after;
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return new FileFacts(script, measured, allowances);
    }

    /** Runs one statement; false when it had to run outside a transaction. */
    private boolean execute(Connection connection, SqlStatement statement, String script) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(SqlSplitter.executableSql(statement));
            return true;
        } catch (SQLException e) {
            if (!ACTIVE_SQL_TRANSACTION.equals(e.getSQLState()) || connection.getAutoCommit()) {
                throw failed(script, statement, e);
            }
        }
        connection.rollback();
        connection.setAutoCommit(true);
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(SqlSplitter.executableSql(statement));
            return false;
        } catch (SQLException e) {
            throw failed(script, statement, e);
        }
    }

    private LintReplayFailedException failed(String script, SqlStatement statement, SQLException e) {
        return new LintReplayFailedException(script, statement.line(), scratch,
                e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
    }

    private static void setTimeouts(Connection connection, StatementTimeouts timeouts) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (timeouts.statementTimeout().isPresent()) {
                statement.execute("set local statement_timeout = " + timeouts.statementTimeout().get().toMillis());
            }
            if (timeouts.lockTimeout().isPresent()) {
                statement.execute("set local lock_timeout = " + timeouts.lockTimeout().get().toMillis());
            }
        }
    }

    /** Records in {@code held} the locks the statement took or strengthened, and returns them. */
    private static List<RelationLock> acquired(Map<Long, RelationLock> held, Snapshot before, Snapshot after,
                                               Map<Long, String> names, int line) {
        List<RelationLock> acquired = new ArrayList<>();
        after.locks().forEach((oid, mode) -> {
            if (!isTable(oid, before, after)) {
                return;
            }
            RelationLock previous = held.get(oid);
            if (previous == null || mode.compareTo(previous.mode()) > 0) {
                RelationLock lock = new RelationLock(names.get(oid), mode, line);
                held.put(oid, lock);
                acquired.add(lock);
            }
        });
        return acquired;
    }

    private static boolean isTable(long oid, Snapshot before, Snapshot after) {
        Relation relation = after.relations().getOrDefault(oid, before.relations().get(oid));
        return relation != null && relation.isTable();
    }

    /**
     * Relations whose storage the statement replaced. An index rebuilt because its table was rewritten is part of that
     * rewrite, so only an index rebuilt on its own (REINDEX) is named.
     */
    private static List<String> rewrites(Snapshot before, Snapshot after) {
        Set<Long> rewritten = new HashSet<>();
        after.relations().values().forEach(relation -> {
            Relation previous = before.relations().get(relation.oid());
            if (previous != null && previous.filenode() != 0 && relation.filenode() != 0
                    && previous.filenode() != relation.filenode()) {
                rewritten.add(relation.oid());
            }
        });
        return rewritten.stream().map(oid -> after.relations().get(oid))
                .filter(relation -> relation.isTable() || !rewritten.contains(relation.table()))
                .map(Relation::name).sorted().toList();
    }

    /** The columns the statement added, or whose type, serial default or primary key it changed. */
    private static List<ColumnType> changedColumns(Snapshot before, Snapshot after) {
        return after.columns().stream().filter(column -> !before.columns().contains(column))
                .sorted(Comparator.comparing(ColumnType::table).thenComparing(ColumnType::column)).toList();
    }

    private static List<String> scans(Snapshot before, Snapshot after, Map<Long, String> names) {
        List<String> scanned = new ArrayList<>();
        after.seqScans().forEach((oid, count) -> {
            if (count > before.seqScans().getOrDefault(oid, 0L) && names.containsKey(oid)) {
                scanned.add(names.get(oid));
            }
        });
        return scanned.stream().sorted().toList();
    }
}

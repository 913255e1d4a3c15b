package dev.strata.migrations.fleet;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.drift.DriftCheck;
import dev.strata.migrations.drift.DriftExclusions;
import dev.strata.migrations.drift.DriftReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one scratch database a fleet's {@code diff} replays into, shared by every target instead of one per target. A
 * tenant's files replay into a schema of the tenant's name there (with only that schema on the search_path, as on
 * the tenant), so tenants replay side by side and each is compared within its own schema. A database of its own
 * replays into the whole scratch database, so it has it to itself: it waits for the replays running, empties the
 * scratch database (drops every schema it holds) and replays alone.
 */
final class DiffScratch {
    private static final String EMPTY = """
            do $strata$ declare s name; begin
              for s in select nspname from pg_catalog.pg_namespace
                       where nspname not like 'pg\\_%' and nspname <> 'information_schema' loop
                execute format('drop schema %I cascade', s);
              end loop;
              create schema public;
            end $strata$""";

    private final ConnectionSource scratch;
    private final DriftExclusions exclusions;
    private final boolean includePublic;
    private final ReentrantReadWriteLock turns = new ReentrantReadWriteLock(true);

    DiffScratch(ConnectionSource scratch, DriftExclusions exclusions, boolean includePublic) {
        this.scratch = scratch;
        this.exclusions = exclusions;
        this.includePublic = includePublic;
    }

    /** Compares {@code live}, the target's database, with its applied files replayed into the scratch database. */
    DriftReport check(Target target, ConnectionSource live, MigrationSettings settings, ClassLoader classLoader) {
        if (target.schema().isPresent()) {
            String schema = target.schema().get();
            return whileHolding(turns.readLock(), () -> new DriftCheck(live, inSchema(schema), settings, classLoader,
                    exclusions).onlySchemas(Set.of(schema)).run());
        }
        return whileHolding(turns.writeLock(), () -> {
            execute(scratch, EMPTY);
            return new DriftCheck(live, scratch, settings, classLoader, exclusions).run();
        });
    }

    private static DriftReport whileHolding(Lock lock, Supplier<DriftReport> check) {
        lock.lock();
        try {
            return check.get();
        } finally {
            lock.unlock();
        }
    }

    /** Scratch connections that create the tenant's schema and put only it on the search_path, as the tenant's do. */
    private ConnectionSource inSchema(String schema) {
        String name = TargetConnections.identifier(schema);
        String path = name + (includePublic && !schema.equals("public") ? ", public" : "");
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                Connection connection = scratch.open();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create schema if not exists " + name);
                    // A session setting: the executor puts it back after each file, as the tenant's startup setting.
                    statement.execute("set search_path to " + path);
                    return connection;
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            }

            @Override
            public String description() {
                return scratch.description() + ", schema " + schema;
            }
        };
    }

    private static void execute(ConnectionSource source, String sql) {
        try (Connection connection = source.openInAutocommit(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseOperationException("emptying " + source.description(), e);
        }
    }
}

package dev.strata.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * One test's database: a copy of a {@link TemplateDatabase}, a small pool on it and a {@code DSLContext}. Closing
 * closes the connections handed out, the pool, then drops the database.
 */
final class IsolatedDatabase implements AutoCloseable {
    /** Pools handed out and not yet closed, so {@link StrataAssertions} can find the template of a DataSource. */
    private static final Map<DataSource, IsolatedDatabase> OPEN = new ConcurrentHashMap<>();
    private static final int POOL_SIZE = 5;

    private final ServerTemplates templates;
    private final TemplateDatabase template;
    private final TestDatabase info;
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final List<Connection> handedOut = new ArrayList<>();
    private boolean closed;

    private IsolatedDatabase(ServerTemplates templates, TemplateDatabase template, TestDatabase info,
                             HikariDataSource pool) {
        this.templates = templates;
        this.template = template;
        this.info = info;
        this.pool = pool;
        // As dev.strata.api.StrataDatabase does, so tests see what the application sees.
        this.dsl = DSL.using(pool, SQLDialect.POSTGRES, new Settings().withReturnAllOnUpdatableRecord(true));
    }

    /** Copies the template into a new database and opens a pool on it. */
    static IsolatedDatabase create(ServerTemplates templates, TemplateDatabase template) {
        PostgresServer server = templates.server();
        String name = DatabaseNames.test();
        template.copyTo(name);
        HikariDataSource pool;
        try {
            HikariConfig config = new HikariConfig();
            config.setPoolName(name);
            config.setDataSource(server.dataSource(name));
            config.setMaximumPoolSize(POOL_SIZE);
            config.setMinimumIdle(0); // open connections when a test asks, not all up front
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            server.dropDatabase(name);
            throw new TestDatabaseException("cannot connect to test database " + name + " on " + server + ": "
                    + e.getMessage(), "check the server's connection limit (max_connections) and its log", e);
        }
        TestDatabase info = new TestDatabase(name, server.jdbcUrl(name), server.user(), template.name(),
                server.toString());
        IsolatedDatabase database = new IsolatedDatabase(templates, template, info, pool);
        OPEN.put(pool, database);
        return database;
    }

    /** The database a DataSource handed out by the extension points to, while its test runs. */
    static Optional<IsolatedDatabase> owning(DataSource dataSource) {
        return Optional.ofNullable(OPEN.get(dataSource));
    }

    DataSource dataSource() {
        return pool;
    }

    DSLContext dsl() {
        return dsl;
    }

    TestDatabase info() {
        return info;
    }

    TemplateDatabase template() {
        return template;
    }

    /** The server this database is on, with its templates. */
    ServerTemplates templates() {
        return templates;
    }

    /** A connection from the pool, closed with the database if the test does not close it. */
    synchronized Connection connection() throws SQLException {
        Connection connection = pool.getConnection();
        handedOut.add(connection);
        return connection;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(pool);
        for (Connection connection : handedOut) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool is closed next, and the database dropped WITH (FORCE)
            }
        }
        // Closing the pool first ends its sessions cleanly; DROP … WITH (FORCE) would have to terminate them and
        // poll until they are gone, which costs more.
        pool.close();
        templates.server().dropDatabase(info.name());
    }

    @Override
    public String toString() {
        return info.name() + " (from " + template.name() + ") on " + templates.server();
    }
}

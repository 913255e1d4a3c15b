package dev.strata.testing;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.LintGate;
import dev.strata.testserver.TestEnvironment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A test database that a test framework other than JUnit's {@link MigratedDatabase} extension owns, e.g. a Spring
 * test context ({@code @StrataDatabase} of {@code strata-spring-boot-starter}): on the same server as
 * {@code @MigratedDatabase} (chosen by the environment, see {@link ServerKind#AUTO}), migrated as a copy of the same
 * per-JVM template, or empty. {@link #close()} drops it; the server runs until the JVM ends (started once).
 *
 * <p>{@link #toString()} names the database and the server, never the password.
 */
public final class StandaloneTestDatabase implements AutoCloseable {
    private static final Map<ServerSpec, SharedServers.Lease> KEPT = new HashMap<>();

    private final SharedServers.Lease lease;
    private final TestDatabase info;
    private final Optional<String> password;
    private final Runnable drop;
    private final Optional<DataSource> dataSource;
    private boolean closed;

    private StandaloneTestDatabase(SharedServers.Lease lease, TestDatabase info, Optional<DataSource> dataSource,
                                   Runnable drop) {
        this.lease = lease;
        this.info = info;
        this.password = lease.templates().server().password();
        this.dataSource = dataSource;
        this.drop = drop;
    }

    /**
     * A copy of the template migrated with {@code settings} (migrated once per JVM and server).
     *
     * @param classLoader finds {@code classpath:} locations (the test class's loader)
     * @throws TestDatabaseException naming the location or the failing migration file
     */
    public static StandaloneTestDatabase migrated(MigrationSettings settings, ClassLoader classLoader) {
        return migrated(settings, LintGate.OFF.label(), classLoader);
    }

    /**
     * As {@link #migrated(MigrationSettings, ClassLoader)}, after the lint gate {@code lint} (see
     * {@link MigratedDatabase#lint()}).
     *
     * @param lint {@code "off"}, {@code "warn"} or {@code "error"}, as {@code migrations.lint}
     * @throws TestDatabaseException listing the findings when the gate refuses the migrations
     */
    public static StandaloneTestDatabase migrated(MigrationSettings settings, String lint, ClassLoader classLoader) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(classLoader, "classLoader");
        LintGate gate = DatabaseRequest.lint(lint, "the lint gate \"" + lint + "\"");
        SharedServers.Lease lease = lease();
        try {
            ServerTemplates templates = lease.templates();
            IsolatedDatabase database = IsolatedDatabase.create(templates, templates.template(settings, gate,
                    classLoader));
            return new StandaloneTestDatabase(lease, database.info(), Optional.of(database.dataSource()),
                    database::close);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** An empty database (no history table, no objects) on the shared server. */
    public static StandaloneTestDatabase empty() {
        SharedServers.Lease lease = lease();
        try {
            PostgresServer server = lease.templates().server();
            String name = DatabaseNames.test();
            server.createDatabase(name, Optional.empty());
            TestDatabase info = new TestDatabase(name, server.jdbcUrl(name), server.user(), "(none: created empty)",
                    server.toString());
            return new StandaloneTestDatabase(lease, info, Optional.empty(), () -> server.dropDatabase(name));
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    private static SharedServers.Lease lease() {
        ServerSpec spec = ServerSpec.choose(ServerKind.AUTO, TestEnvironment.current());
        synchronized (KEPT) {
            // Frameworks open and close these databases one by one (a Spring context per test class, a test per
            // database): one lease held for the JVM keeps the server from stopping and starting between them. The
            // shutdown hook of SharedServers stops it.
            KEPT.computeIfAbsent(spec, SharedServers::acquire);
        }
        return SharedServers.acquire(spec);
    }

    /** Name, JDBC URL (no credentials), user, template and server. */
    public TestDatabase info() {
        return info;
    }

    /** The password of {@link TestDatabase#user()}, for a pool the framework opens itself; never log it. */
    public Optional<String> password() {
        return password;
    }

    /** A small pool on a migrated copy (also accepted by {@link StrataAssertions}); empty for {@link #empty()}. */
    public Optional<DataSource> dataSource() {
        return dataSource;
    }

    /** Drops the database (ending its sessions), then releases the server. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (jvmShuttingDown()) {
            // A framework closing its contexts from its own shutdown hook (Spring's test context cache does) races
            // the hook of SharedServers, which is stopping the server: a drop would wait for a connection that no
            // longer comes. The server's data goes with it.
            return;
        }
        try {
            drop.run();
        } finally {
            lease.close();
        }
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "test database " + info.name() + " on " + info.server();
    }
}

package dev.strata.cli;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.config.JdbcConnectionSource;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.drift.DriftCheck;
import dev.strata.migrations.execute.ExecutionListener;

import java.time.Duration;

/** The database a command works on: the configured server, or the embedded one when no URL is configured. */
final class DatabaseSession implements AutoCloseable {
    private final StrataConfig config;
    private final ConnectionSource connections;
    private final EmbeddedDatabase embedded;
    private final CliContext context;

    private DatabaseSession(StrataConfig config, ConnectionSource connections, EmbeddedDatabase embedded,
                            CliContext context) {
        this.config = config;
        this.connections = connections;
        this.embedded = embedded;
        this.context = context;
    }

    static DatabaseSession open(ConnectionOptions options, CliContext context) {
        StrataConfig config = options.load(context.environment());
        context.masker().addAll(config);
        if (config.database().url().isPresent()) {
            return new DatabaseSession(config, new JdbcConnectionSource(config.database()), null, context);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(context.workingDirectory(),
                config.migrations().lockTimeout(), context.err());
        return new DatabaseSession(config, embedded.connectionSource(), embedded, context);
    }

    /** A migrator whose server notices go to stderr and which SIGINT/SIGTERM stop. */
    Migrator migrator(ExecutionListener listener) {
        return new Migrator(connections, config.migrations(), DatabaseSession.class.getClassLoader(),
                new NoticeLines(listener, context.err()), context.interruption());
    }

    /** Compares this database with its migrations replayed into {@code scratch}. */
    DriftCheck driftCheck(ConnectionSource scratch) {
        return new DriftCheck(connections, scratch, config.migrations(), DatabaseSession.class.getClassLoader());
    }

    Duration connectTimeout() {
        return config.database().connectTimeout();
    }

    String locations() {
        return config.migrations().locations().toString();
    }

    String description() {
        return connections.description();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}

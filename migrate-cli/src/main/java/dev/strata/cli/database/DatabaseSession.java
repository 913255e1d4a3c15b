package dev.strata.cli.database;

import dev.strata.cli.CliContext;
import dev.strata.cli.command.ConnectionOptions;
import dev.strata.cli.output.NoticeLines;
import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.Migrator;
import dev.strata.migrations.adopt.HistoryAdoption;
import dev.strata.migrations.adopt.SourceTool;
import dev.strata.migrations.config.JdbcConnectionSource;
import dev.strata.migrations.config.LintGate;
import dev.strata.migrations.config.StrataConfig;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.drift.DriftCheck;
import dev.strata.migrations.drift.DriftExclusions;
import dev.strata.migrations.drift.ExclusionPattern;
import dev.strata.migrations.execute.progress.ExecutionListener;
import dev.strata.migrations.lint.LintGateCheck;
import dev.strata.migrations.lint.LintGateOutcome;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.TargetSizes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The database a command works on: the configured server, or the embedded one when no URL is configured. */
public final class DatabaseSession implements AutoCloseable {
    private final StrataConfig config;
    private final ConnectionSource connections;
    private final Optional<EmbeddedDatabase> embedded;
    private final MigrationClasspath classpath;
    private final CliContext context;

    private DatabaseSession(StrataConfig config, ConnectionSource connections, Optional<EmbeddedDatabase> embedded,
                            MigrationClasspath classpath, CliContext context) {
        this.config = config;
        this.connections = connections;
        this.embedded = embedded;
        this.classpath = classpath;
        this.context = context;
    }

    public static DatabaseSession open(ConnectionOptions options, CliContext context) {
        StrataConfig config = options.load(context);
        context.masker().addAll(config);
        EmbeddedChoice.check(options, config, context);
        MigrationClasspath classpath = MigrationClasspath.of(options.classpath, context.workingDirectory());
        if (config.database().url().isPresent()) {
            return new DatabaseSession(config, new JdbcConnectionSource(config.database()), Optional.empty(),
                    classpath, context);
        }
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(context.workingDirectory(),
                    config.migrations().lockTimeout(), context.err());
            return new DatabaseSession(config, embedded.connectionSource(), Optional.of(embedded), classpath, context);
        } catch (RuntimeException e) {
            classpath.close();
            throw e;
        }
    }

    /** A migrator whose server notices go to stderr and which SIGINT/SIGTERM stop. */
    public Migrator migrator(ExecutionListener listener) {
        return new Migrator(connections, config.migrations(), classpath.classLoader(),
                new NoticeLines(listener, context.err()), context.interruption());
    }

    /** Compares this database with its migrations replayed into {@code scratch}. */
    public DriftCheck driftCheck(ConnectionSource scratch, DriftExclusions exclusions) {
        return new DriftCheck(connections, scratch, config.migrations(), classpath.classLoader(), exclusions);
    }

    /** Lints files replayed into {@code scratch} from the state this database is in. */
    public Linter linter(ConnectionSource scratch) {
        return new Linter(connections, scratch, config.migrations(), classpath.classLoader());
    }

    /** {@code migrations.lint}: whether validate, plan and migrate lint the pending files first. */
    public LintGate lintGate() {
        return config.lintGate();
    }

    /** The {@code migrations.lint} gate on this database's pending files. */
    public LintGateOutcome lintPending(LintGateCheck gate) {
        return gate.check(connections, config.migrations(), classpath.classLoader(), targetSizes());
    }

    /** The sizes of this database's relations; unknown for the embedded default, which stands in for no target. */
    public TargetSizes targetSizes() {
        return embedded.isPresent() ? TargetSizes.unknown() : TargetSizes.of(connections);
    }

    /** The configuration's exclusions ({@code [drift]}) and the command line's; a malformed one is an error (exit 2). */
    public DriftExclusions driftExclusions(List<ExclusionPattern> commandLine) {
        return DriftExclusions.of(config.drift().excludeToolHistory(), config.drift().exclude(),
                config.drift().excludeOrigin(), commandLine);
    }

    /** Adoption of {@code tool}'s history table {@code source} into this database's Strata history. */
    public HistoryAdoption adoption(SourceTool tool, SchemaTable source) {
        return new HistoryAdoption(connections, config.migrations(), classpath.classLoader(), tool, source);
    }

    public SchemaTable historyTable() {
        return config.migrations().historyTable();
    }

    public Duration connectTimeout() {
        return config.database().connectTimeout();
    }

    public String locations() {
        return config.migrations().locations().toString();
    }

    public String description() {
        return connections.description();
    }

    @Override
    public void close() {
        try {
            embedded.ifPresent(EmbeddedDatabase::close);
        } finally {
            classpath.close();
        }
    }
}

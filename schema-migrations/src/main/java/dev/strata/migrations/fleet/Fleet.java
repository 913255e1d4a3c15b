package dev.strata.migrations.fleet;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.DatabaseSettings;
import dev.strata.migrations.drift.DriftExclusions;
import dev.strata.migrations.execute.progress.Interruption;
import dev.strata.migrations.lint.LintGateCheck;
import dev.strata.migrations.lint.ScratchDatabases;
import dev.strata.migrations.lock.SessionCheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Many databases, or many tenants' schemas, in one run: each target with its own history table and its own
 * migration lock, so a target is migrated exactly once however many runs (fleet runs, or {@link #migrateOne} from an
 * application signing up a tenant) reach it at the same time. A run again applies only what each target lacks.
 */
public final class Fleet {
    private final DatabaseSettings database;
    private final MigrationSettings settings;
    private final ClassLoader classLoader;
    private final boolean includePublic;
    private final LintGateCheck lintGate;

    /**
     * @param database      user, password and connect timeout for targets whose URL and own password do not say
     * @param settings      the migrations every target gets; a tenant's history table is moved into its schema
     * @param includePublic whether {@code public} follows a tenant's schema on its search_path (for the functions and
     *                      types of extensions installed there)
     */
    public Fleet(DatabaseSettings database, MigrationSettings settings, ClassLoader classLoader, boolean includePublic) {
        this.database = Objects.requireNonNull(database, "database");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        this.includePublic = includePublic;
        this.lintGate = LintGateCheck.OFF;
    }

    private Fleet(Fleet fleet, LintGateCheck lintGate) {
        this.database = fleet.database;
        this.settings = fleet.settings;
        this.classLoader = fleet.classLoader;
        this.includePublic = fleet.includePublic;
        this.lintGate = lintGate;
    }

    /**
     * This fleet with the {@code migrations.lint} gate on {@link FleetCommand#MIGRATE}: each target's pending files
     * are linted (on a scratch database of their own) before they are applied, and a refusal fails that target. A
     * run takes the gate's scratch databases {@linkplain ScratchDatabases#shared() shared}: a server they need is
     * started at most once per run, and stopped when the run ends.
     */
    public Fleet withLintGate(LintGateCheck gate) {
        return new Fleet(this, Objects.requireNonNull(gate, "gate"));
    }

    /**
     * Migrates one target now, e.g. a tenant signing up, safely at the same time as a fleet run (both take the
     * target's lock). Never throws for a failure of the target: the result says what happened.
     *
     * @param createSchema create the tenant's schema when it does not exist; without it, a missing schema fails
     */
    public TargetResult migrateOne(Target target, boolean createSchema) {
        ConnectionSource connections = TargetConnections.of(target, database, includePublic, Optional.empty());
        TargetRun run = new TargetRun(target, connections, settings, classLoader, lintGateFor(lintGate, target));
        if (target.schema().isPresent()) {
            Optional<TargetOutcome.Failed> refused = ensureSchema(connections, target.schema().get(), createSchema, run);
            if (refused.isPresent()) {
                return new TargetResult(target.name(), target.location(), Optional.empty(), Optional.empty(), 0, 0,
                        false, Duration.ZERO, refused.get());
            }
        }
        return run.run(FleetCommand.MIGRATE);
    }

    private static Optional<TargetOutcome.Failed> ensureSchema(ConnectionSource connections, String schema,
                                                               boolean create, TargetRun run) {
        try (Connection connection = connections.openInAutocommit();
             Statement statement = connection.createStatement()) {
            if (create) {
                // The schema is the tenant's first write: a standby is refused before it, as migrate would be.
                SessionCheck.refuseReadOnly(connection, "migrate", connections.description());
                statement.execute("create schema if not exists " + TargetConnections.identifier(schema));
                return Optional.empty();
            }
            try (ResultSet rows = statement.executeQuery("select 1 from pg_catalog.pg_namespace where nspname = '"
                    + schema.replace("'", "''") + "'")) {
                return rows.next() ? Optional.empty() : Optional.of(new TargetOutcome.Failed(
                        TargetOutcome.FailureKind.REFUSED, "schema " + schema + " does not exist in "
                        + connections.description() + "\n  fix: create it, or ask for it to be created",
                        Optional.empty(), OptionalInt.empty(), Optional.empty()));
            }
        } catch (SQLException e) {
            // Two sessions creating the same schema at once: the loser's IF NOT EXISTS still fails on the catalog's
            // unique index, and the schema is there, which is all that was asked.
            if ("23505".equals(e.getSQLState()) || "42P06".equals(e.getSQLState())) {
                return Optional.empty();
            }
            return Optional.of(run.outcome(new DatabaseOperationException(
                    "creating schema " + schema, e)));
        } catch (RuntimeException e) {
            return Optional.of(run.outcome(e));
        }
    }

    /**
     * Runs {@code command} on every target, at most {@code options.parallel()} at once, and returns what happened
     * on each. Failures of targets are in the result, never thrown.
     *
     * @throws IllegalArgumentException when two targets have the same name, or for {@link FleetCommand#DIFF}
     *                                  (see {@link #diff})
     */
    public FleetResult run(FleetCommand command, List<Target> targets, FleetOptions options, FleetListener listener) {
        return run(command, targets, options, listener, new Interruption());
    }

    /**
     * As {@link #run(FleetCommand, List, FleetOptions, FleetListener)}, stopped by {@code interruption} (the CLI's
     * SIGINT/SIGTERM): no target starts after it, each running target rolls back or records the file it is in and
     * is reported interrupted, and the result says what stopped the run.
     */
    public FleetResult run(FleetCommand command, List<Target> targets, FleetOptions options, FleetListener listener,
                           Interruption interruption) {
        Objects.requireNonNull(command, "command");
        if (command == FleetCommand.DIFF || command == FleetCommand.ADOPT) {
            throw new IllegalArgumentException(command + " takes more than targets: use Fleet.diff or Fleet.adopt");
        }
        return execute(command, targets, options, listener, interruption, run -> run.run(command));
    }

    /**
     * Compares every target's schema with its applied files replayed into {@code scratch}, one empty database
     * shared by all targets (tenants replay side by side in schemas of their names; a database of its own replays
     * alone, after the scratch database is emptied). A drifted target fails with the differences; nothing changes
     * on any target.
     *
     * @param scratch    an empty database the caller creates and drops; its contents are replaced
     * @param exclusions objects left out of every target's comparison, on both sides
     */
    public FleetResult diff(List<Target> targets, FleetOptions options, FleetListener listener,
                            Interruption interruption, ConnectionSource scratch, DriftExclusions exclusions) {
        DiffScratch shared = new DiffScratch(Objects.requireNonNull(scratch, "scratch"),
                Objects.requireNonNull(exclusions, "exclusions"), includePublic);
        return execute(FleetCommand.DIFF, targets, options, listener, interruption, run -> run.diff(shared));
    }

    /**
     * Adopts another tool's history on every target, as {@code strata adopt} does on one database: each under the
     * target's own lock, in one transaction; a target whose tool state or files are refused fails with nothing
     * recorded there.
     */
    public FleetResult adopt(List<Target> targets, FleetOptions options, FleetListener listener,
                             Interruption interruption, FleetAdoption adoption) {
        Objects.requireNonNull(adoption, "adoption");
        return execute(FleetCommand.ADOPT, targets, options, listener, interruption, run -> run.adopt(adoption));
    }

    private FleetResult execute(FleetCommand command, List<Target> targets, FleetOptions options,
                                FleetListener listener, Interruption interruption,
                                Function<TargetRun, TargetResult> work) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(interruption, "interruption");
        refuseDuplicateNames(targets);
        long started = System.nanoTime();
        ServerGate gate = new ServerGate(options.parallel());
        FleetStop signals = new FleetStop();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.parallel(), task -> {
            Thread thread = new Thread(task, "strata-fleet-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The gate's scratch server, when it needs one, is started once for all targets and stopped after the last.
        try (Interruption.Forwarding forwarding = interruption.forwardTo(signals::stop);
             ScratchDatabases.Shared scratch = lintGate.sharedScratch()) {
            LintGateCheck runGate = lintGate.on(scratch);
            FleetBatch batch = new FleetBatch(options.onFailure(), listener,
                    target -> new TargetRun(target, TargetConnections.of(target, database, includePublic,
                            Optional.of(gate)), settings, classLoader, lintGateFor(runGate, target)), work, signals,
                    workers);
            int canary = Math.min(options.canary(), targets.size());
            List<TargetResult> results = new ArrayList<>(batch.run(targets.subList(0, canary), new AtomicReference<>()));
            AtomicReference<String> stop = new AtomicReference<>();
            List<String> failedCanaries = results.stream().filter(TargetResult::failed).map(TargetResult::name).toList();
            if (!failedCanaries.isEmpty()) {
                stop.set("not started: canary " + String.join(", ", failedCanaries) + " failed");
            }
            results.addAll(batch.run(targets.subList(canary, targets.size()), stop));
            return new FleetResult(command, results, Duration.ofNanos(System.nanoTime() - started),
                    signals.stoppedBy());
        } finally {
            workers.shutdownNow();
        }
    }

    /** A tenant's files are linted in its schema, so that the findings name its tables as the target has them. */
    private LintGateCheck lintGateFor(LintGateCheck gate, Target target) {
        return target.schema().map(schema -> gate.inSchema(schema, TargetConnections.identifier(schema)
                + (includePublic && !schema.equals("public") ? ",public" : ""))).orElse(gate);
    }

    private static void refuseDuplicateNames(List<Target> targets) {
        Set<String> names = new HashSet<>();
        for (Target target : targets) {
            if (!names.add(target.name())) {
                throw new IllegalArgumentException("two targets are named " + target.name()
                        + ": each target needs a name of its own");
            }
        }
    }
}

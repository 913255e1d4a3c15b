package dev.strata.migrations;

import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.plan.NonTransactionalFiles;
import dev.strata.migrations.resolve.Layout;
import dev.strata.migrations.resolve.Location;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the engine finds migrations and keeps history. Validated on construction; nothing is corrected silently.
 *
 * @param lockTimeout      how long a run waits for another run's lock before failing
 * @param outOfOrder       whether a pending file older than the newest applied version may be applied
 * @param timeouts         PostgreSQL statement and lock timeouts for every migration; a file's directives beat them
 * @param recordContent    whether the history keeps each applied file's text (else its content column is NULL)
 * @param layout           how the files of every location are named: Strata's names, another tool's, or detected
 * @param nonTransactional how a file that must run outside a transaction is recognised
 * @param allowNonEmpty    whether {@code migrate} may start on a schema that holds objects but no history table
 */
public record MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                                boolean outOfOrder, StatementTimeouts timeouts, boolean recordContent,
                                Layout layout, NonTransactionalFiles nonTransactional, boolean allowNonEmpty) {
    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_TABLE = "strata_schema_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public MigrationSettings {
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(nonTransactional, "nonTransactional");
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("locations must name at least one location");
        }
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock_timeout must not be negative, was " + lockTimeout);
        }
    }

    public MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                             boolean outOfOrder, StatementTimeouts timeouts, boolean recordContent) {
        this(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent, Layout.STRATA,
                NonTransactionalFiles.DIRECTIVE, false);
    }

    public MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                             boolean outOfOrder, StatementTimeouts timeouts) {
        this(locations, historyTable, lockTimeout, outOfOrder, timeouts, true);
    }

    public MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                             boolean outOfOrder) {
        this(locations, historyTable, lockTimeout, outOfOrder, StatementTimeouts.SERVER_DEFAULTS);
    }

    /** The defaults: {@code classpath:db/migration}, {@code public.strata_schema_history}, 60 s, in order. */
    public static MigrationSettings defaults() {
        return new MigrationSettings(List.of(Location.DEFAULT), new SchemaTable(DEFAULT_SCHEMA, DEFAULT_TABLE),
                DEFAULT_LOCK_TIMEOUT, false);
    }

    public MigrationSettings withLocations(List<Location> newLocations) {
        return new MigrationSettings(newLocations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                layout, nonTransactional, allowNonEmpty);
    }

    public MigrationSettings withLockTimeout(Duration timeout) {
        return new MigrationSettings(locations, historyTable, timeout, outOfOrder, timeouts, recordContent, layout,
                nonTransactional, allowNonEmpty);
    }

    public MigrationSettings withOutOfOrder(boolean allowed) {
        return new MigrationSettings(locations, historyTable, lockTimeout, allowed, timeouts, recordContent, layout,
                nonTransactional, allowNonEmpty);
    }

    public MigrationSettings withTimeouts(StatementTimeouts newTimeouts) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, newTimeouts, recordContent,
                layout, nonTransactional, allowNonEmpty);
    }

    public MigrationSettings withRecordContent(boolean record) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, record, layout,
                nonTransactional, allowNonEmpty);
    }

    public MigrationSettings withLayout(Layout newLayout) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                newLayout, nonTransactional, allowNonEmpty);
    }

    public MigrationSettings withNonTransactional(NonTransactionalFiles mode) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent, layout,
                mode, allowNonEmpty);
    }

    public MigrationSettings withAllowNonEmpty(boolean allowed) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent, layout,
                nonTransactional, allowed);
    }

    public MigrationSettings withHistoryTable(SchemaTable table) {
        return new MigrationSettings(locations, table, lockTimeout, outOfOrder, timeouts, recordContent, layout,
                nonTransactional, allowNonEmpty);
    }
}

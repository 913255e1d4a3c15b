package dev.strata.migrations;

import dev.strata.migrations.core.Layout;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.LocationLayouts;
import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.SchemaTable;
import dev.strata.migrations.core.StatementTimeouts;

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
 * @param layouts          how the files of each location are named: Strata's names, another tool's, or detected
 * @param nonTransactional how a file that must run outside a transaction is recognised
 * @param allowNonEmpty    whether {@code migrate} may start on a schema that holds objects but no history table
 * @param skipGoMigrations whether a migration written in Go (golang-migrate, goose, popx) is skipped with a note
 *                         rather than refused
 */
public record MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                                boolean outOfOrder, StatementTimeouts timeouts, boolean recordContent,
                                LocationLayouts layouts, NonTransactionalFiles nonTransactional,
                                boolean allowNonEmpty, boolean skipGoMigrations) {
    public static final String DEFAULT_SCHEMA = "public";
    public static final String DEFAULT_TABLE = "strata_schema_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public MigrationSettings {
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(layouts, "layouts");
        Objects.requireNonNull(nonTransactional, "nonTransactional");
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("locations must name at least one location");
        }
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lock_timeout must not be negative, was " + lockTimeout);
        }
    }

    /** Every location in {@code layout}; migrations written in Go refused. */
    public MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                             boolean outOfOrder, StatementTimeouts timeouts, boolean recordContent,
                             Layout layout, NonTransactionalFiles nonTransactional, boolean allowNonEmpty) {
        this(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                LocationLayouts.uniform(layout), nonTransactional, allowNonEmpty, false);
    }

    public MigrationSettings(List<Location> locations, SchemaTable historyTable, Duration lockTimeout,
                             boolean outOfOrder, StatementTimeouts timeouts, boolean recordContent) {
        this(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent, Layout.STRATA,
                NonTransactionalFiles.LAYOUT, false);
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

    /** The layout of every location that names none of its own ({@code migrations.layout}). */
    public Layout layout() {
        return layouts.fallback();
    }

    public MigrationSettings withLocations(List<Location> newLocations) {
        return new MigrationSettings(newLocations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                layouts, nonTransactional, allowNonEmpty, skipGoMigrations);
    }

    public MigrationSettings withLockTimeout(Duration timeout) {
        return new MigrationSettings(locations, historyTable, timeout, outOfOrder, timeouts, recordContent, layouts,
                nonTransactional, allowNonEmpty, skipGoMigrations);
    }

    public MigrationSettings withOutOfOrder(boolean allowed) {
        return new MigrationSettings(locations, historyTable, lockTimeout, allowed, timeouts, recordContent, layouts,
                nonTransactional, allowNonEmpty, skipGoMigrations);
    }

    public MigrationSettings withTimeouts(StatementTimeouts newTimeouts) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, newTimeouts, recordContent,
                layouts, nonTransactional, allowNonEmpty, skipGoMigrations);
    }

    public MigrationSettings withRecordContent(boolean record) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, record, layouts,
                nonTransactional, allowNonEmpty, skipGoMigrations);
    }

    /** Every location that names no layout of its own in {@code newLayout}. */
    public MigrationSettings withLayout(Layout newLayout) {
        return withLayouts(layouts.withFallback(newLayout));
    }

    public MigrationSettings withLayouts(LocationLayouts newLayouts) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                newLayouts, nonTransactional, allowNonEmpty, skipGoMigrations);
    }

    public MigrationSettings withNonTransactional(NonTransactionalFiles mode) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                layouts, mode, allowNonEmpty, skipGoMigrations);
    }

    public MigrationSettings withAllowNonEmpty(boolean allowed) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                layouts, nonTransactional, allowed, skipGoMigrations);
    }

    public MigrationSettings withSkipGoMigrations(boolean skip) {
        return new MigrationSettings(locations, historyTable, lockTimeout, outOfOrder, timeouts, recordContent,
                layouts, nonTransactional, allowNonEmpty, skip);
    }

    public MigrationSettings withHistoryTable(SchemaTable table) {
        return new MigrationSettings(locations, table, lockTimeout, outOfOrder, timeouts, recordContent, layouts,
                nonTransactional, allowNonEmpty, skipGoMigrations);
    }
}

package dev.strata.migrations.core;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What a migration is known by, in the history and in messages: a versioned one (a {@code V<version>__} file, its undo
 * file, a baseline or adopted row) by its version; a repeatable one ({@code R__<description>.sql}), which has no
 * version, by its file name, which is what its history rows are matched on. Versioned migrations run first, in version
 * order, then repeatable ones by file name ({@link #order(VersionOrder)}).
 */
public sealed interface MigrationId permits MigrationId.Versioned, MigrationId.Repeatable {

    /** {@link #order(VersionOrder)} with versions compared as numbers, Strata's own order. */
    Comparator<MigrationId> ORDER = order(VersionOrder.NUMERIC);

    /** A migration known by its version. */
    record Versioned(Version version) implements MigrationId {
        public Versioned {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public Optional<Version> versionNumber() {
            return Optional.of(version);
        }

        @Override
        public String describe() {
            return "version " + version;
        }
    }

    /** @param script the file name, {@code R__<description>.sql} */
    record Repeatable(String script) implements MigrationId {
        public Repeatable {
            Objects.requireNonNull(script, "script");
        }

        @Override
        public Optional<Version> versionNumber() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "repeatable";
        }
    }

    /** The version, for a versioned migration. */
    Optional<Version> versionNumber();

    /** How messages name what the migration is: {@code version 3}, or {@code repeatable}. */
    String describe();

    /** Versioned migrations with their versions in {@code order}, then repeatable ones by file name. */
    static Comparator<MigrationId> order(VersionOrder order) {
        Objects.requireNonNull(order, "order");
        return (a, b) -> {
            if (a instanceof Versioned first && b instanceof Versioned second) {
                return order.compare(first.version(), second.version());
            }
            if (a instanceof Repeatable first && b instanceof Repeatable second) {
                return first.script().compareTo(second.script());
            }
            return a instanceof Versioned ? -1 : 1;
        };
    }
}

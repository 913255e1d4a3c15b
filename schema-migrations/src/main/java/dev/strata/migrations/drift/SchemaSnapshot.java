package dev.strata.migrations.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user schemas of one database, object by object, as PostgreSQL's catalog functions print them; immutable and
 * free of OIDs, so two databases can be compared. Read one with {@link #read(Connection, SnapshotScope)}; compare two
 * with {@link SchemaDiff#between(SchemaSnapshot, SchemaSnapshot)}.
 *
 * @param serverVersion the server's {@code server_version} (e.g. {@code 17.11}); definitions may print differently
 *                      across majors
 * @param objects       every object, ordered by kind and name
 */
public record SchemaSnapshot(String serverVersion, List<SchemaObject> objects) {
    public static final String UNKNOWN_VERSION = "unknown";

    public SchemaSnapshot {
        Objects.requireNonNull(serverVersion, "serverVersion");
        objects = objects.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        for (int i = 1; i < objects.size(); i++) {
            if (objects.get(i).key().equals(objects.get(i - 1).key())) {
                throw new IllegalArgumentException("two objects named " + objects.get(i).key());
            }
        }
    }

    /** A snapshot built by hand (tests, or another source of truth), from a server of unknown version. */
    public static SchemaSnapshot of(Collection<SchemaObject> objects) {
        return new SchemaSnapshot(UNKNOWN_VERSION, List.copyOf(objects));
    }

    /**
     * Reads the schemas in {@code scope} through {@code connection}, in a read-only transaction (a savepoint when the
     * connection is already in one) with {@code search_path} pinned to {@code pg_catalog}, so that every name is
     * printed qualified and two databases print alike. Changes nothing; the connection is left as it was.
     */
    public static SchemaSnapshot read(Connection connection, SnapshotScope scope) throws SQLException {
        return new CatalogReader(scope).read(connection);
    }

    /** The major version, e.g. {@code 17}, or {@code unknown}. */
    public String serverMajor() {
        int end = 0;
        while (end < serverVersion.length() && Character.isDigit(serverVersion.charAt(end))) {
            end++;
        }
        return end == 0 ? UNKNOWN_VERSION : serverVersion.substring(0, end);
    }

    public Optional<SchemaObject> find(ObjectKind kind, String name) {
        return Optional.ofNullable(byKey().get(new ObjectKey(kind, name)));
    }

    public List<SchemaObject> objects(ObjectKind kind) {
        return objects.stream().filter(object -> object.kind() == kind).toList();
    }

    Map<ObjectKey, SchemaObject> byKey() {
        Map<ObjectKey, SchemaObject> map = new LinkedHashMap<>();
        objects.forEach(object -> map.put(object.key(), object));
        return Collections.unmodifiableMap(map);
    }
}

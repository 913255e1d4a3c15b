package dev.strata.migrations.lint;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The sizes of relations in the database the migrations are for; empty for a relation it does not have. */
@FunctionalInterface
public interface TargetSizes {
    Optional<RelationSize> of(String qualifiedName);

    /** No target database: every finding says "size unknown". */
    static TargetSizes unknown() {
        return name -> Optional.empty();
    }

    /** Reads each relation once from the target, read-only. */
    static TargetSizes of(ConnectionSource target) {
        Map<String, Optional<RelationSize>> cache = new HashMap<>();
        return name -> cache.computeIfAbsent(name, key -> read(target, key));
    }

    private static Optional<RelationSize> read(ConnectionSource target, String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        try (Connection connection = target.openInAutocommit();
             PreparedStatement query = connection.prepareStatement("select pg_total_relation_size(c.oid),"
                     + " c.reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = ? and c.relname = ?")) {
            query.setString(1, qualifiedName.substring(0, dot));
            query.setString(2, qualifiedName.substring(dot + 1));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long rows = (long) row.getFloat(2);
                return Optional.of(new RelationSize(row.getLong(1), rows < 0 ? Optional.empty() : Optional.of(rows)));
            }
        } catch (SQLException e) {
            throw new DatabaseConnectionException(target.description(), e);
        }
    }
}

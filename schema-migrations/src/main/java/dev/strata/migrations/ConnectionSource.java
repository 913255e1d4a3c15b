package dev.strata.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Where the engine gets its connections. A run opens two: one holds the lock, one applies migrations. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;

    /**
     * A connection in autocommit mode, as every engine step starts from.
     *
     * @throws DatabaseConnectionException naming {@link #description()} when it cannot be opened
     */
    default Connection openInAutocommit() {
        try {
            Connection connection = open();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw new DatabaseConnectionException(description(), e);
        }
    }

    /** How to name the database in messages; never contains a password. */
    default String description() {
        return "the database";
    }

    static ConnectionSource of(DataSource dataSource, String description) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}

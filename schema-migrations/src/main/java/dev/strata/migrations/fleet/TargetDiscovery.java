package dev.strata.migrations.fleet;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.DatabaseConnectionException;
import dev.strata.migrations.DatabaseOperationException;
import dev.strata.migrations.config.ConfigurationException;
import dev.strata.migrations.config.DatabaseUrl;
import dev.strata.migrations.sql.SqlStates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds targets on a live server: the schemas matching a pattern, or the rows of a query on a control database. */
public final class TargetDiscovery {
    private TargetDiscovery() {
    }

    /**
     * Every schema of {@code url}'s database whose name matches {@code pattern} ({@code *} any characters, {@code ?}
     * one; nothing else is special), sorted by name; each target is named after its schema.
     */
    public static List<Target> schemas(ConnectionSource server, DatabaseUrl url, String pattern) {
        Pattern glob = glob(pattern);
        List<Target> targets = new ArrayList<>();
        try (Connection connection = server.openInAutocommit();
             PreparedStatement statement = connection.prepareStatement("select nspname from pg_catalog.pg_namespace"
                     + " where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by nspname");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String schema = rows.getString(1);
                if (glob.matcher(schema).matches()) {
                    targets.add(Target.schema(schema, url, schema));
                }
            }
        } catch (SQLException e) {
            throw failure("listing the schemas of " + server.description(), server, e);
        }
        return List.copyOf(targets);
    }

    /**
     * The rows of {@code query} on the control database: column 1 the target's name, column 2 its URL, an optional
     * column 3 its schema (NULL: a database of its own).
     *
     * @throws ConfigurationException when the query has fewer than two columns, or a row has no name or a bad URL
     */
    public static List<Target> query(ConnectionSource control, String query) {
        List<Target> targets = new ArrayList<>();
        try (Connection connection = control.openInAutocommit();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            if (columns < 2) {
                throw new ConfigurationException("the targets query returns " + columns + " column(s): it must"
                        + " return name, url and optionally schema", "write it as: select name, url from tenants");
            }
            for (int row = 1; rows.next(); row++) {
                String name = rows.getString(1);
                String rawUrl = rows.getString(2);
                if (name == null || name.isBlank() || rawUrl == null || rawUrl.isBlank()) {
                    throw new ConfigurationException("row " + row + " of the targets query has no "
                            + (name == null || name.isBlank() ? "name" : "url (target " + name + ")"),
                            "give every row a name and a url, or filter such rows out in the query");
                }
                DatabaseUrl url = DatabaseUrl.parse(rawUrl, "row " + row + " (" + name + ") of the targets query");
                Optional<String> schema = columns >= 3 ? Optional.ofNullable(rows.getString(3)) : Optional.empty();
                targets.add(new Target(name, url, Optional.empty(), schema));
            }
        } catch (SQLException e) {
            throw failure("running the targets query on " + control.description(), control, e);
        }
        return List.copyOf(targets);
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static RuntimeException failure(String action, ConnectionSource source, SQLException e) {
        return SqlStates.cannotConnect(e)
                ? new DatabaseConnectionException(source.description(), e)
                : new DatabaseOperationException(action, e);
    }
}

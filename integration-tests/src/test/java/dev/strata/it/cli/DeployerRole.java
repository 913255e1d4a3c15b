package dev.strata.it.cli;

import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A login role with a distinctive password that may create objects in the test database, so the secret scan (see
 * {@link dev.strata.it.Secrets}) can look for a string that appears nowhere else.
 */
public record DeployerRole(String name, String password, String url) {
    public static DeployerRole create(TestDatabase database) throws SQLException {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String name = "deployer_" + suffix;
        String password = Secrets.register("Pw" + suffix + "Xq7");
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("create role " + name + " login password '" + password + "'");
            statement.execute("grant create, connect on database " + database.name() + " to " + name);
            statement.execute("grant all on schema public to " + name);
        }
        // Roles are server-wide: each is dropped with what it owns when its database is, while that still exists.
        database.beforeDrop(() -> drop(database, name));
        String hostAndDatabase = database.jdbcUrl().substring("jdbc:postgresql://".length());
        return new DeployerRole(name, password, "postgresql://" + name + ":" + password + "@" + hostAndDatabase);
    }

    private static void drop(TestDatabase database, String name) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("drop owned by " + name);
            statement.execute("drop role " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop role " + name, e);
        }
    }

    /** What a {@code strata} process needs to migrate {@code migrations} as this role; mutable, to add to. */
    public Map<String, String> environment(Path migrations) {
        return new HashMap<>(Map.of("STRATA_DATABASE__URL", url,
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations));
    }

    /** The same URL with another password, for the wrong-password case. */
    public String urlWithPassword(String otherPassword) {
        return url.replace(":" + password + "@", ":" + otherPassword + "@");
    }

    @Override
    public String toString() {
        return name;
    }
}

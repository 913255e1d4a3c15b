package dev.strata.it.cli;

import dev.strata.it.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A login role with a distinctive password that owns the test database, so the secret scan can look for a string
 * that appears nowhere else (the embedded server's own password is the word "postgres").
 */
record DeployerRole(String name, String password, String url) {

    static DeployerRole create(TestDatabase database) throws SQLException {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String name = "deployer_" + suffix;
        String password = "Pw" + suffix + "Xq7";
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("create role " + name + " login password '" + password + "'");
            statement.execute("alter database " + database.name() + " owner to " + name);
            statement.execute("alter schema public owner to " + name);
        }
        String hostAndDatabase = database.jdbcUrl().substring("jdbc:postgresql://".length());
        return new DeployerRole(name, password, "postgresql://" + name + ":" + password + "@" + hostAndDatabase);
    }

    /** The same URL with another password, for the wrong-password case. */
    String urlWithPassword(String otherPassword) {
        return url.replace(":" + password + "@", ":" + otherPassword + "@");
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.strata.it;

import dev.strata.migrations.ConnectionSource;
import dev.strata.migrations.config.DatabaseUrl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server on which the tests may create databases.
 *
 * @param provider where it came from, for the log: never holds a password
 * @param adminUrl a {@code postgresql://} or {@code jdbc:postgresql://} URL, with credentials, of a database the tests
 *                 connect to only to create and drop their own databases
 */
record TestServer(String provider, String adminUrl) {
    private static final Pattern DATABASE_PATH =
            Pattern.compile("((?:jdbc:postgresql|postgresql|postgres)://[^/?]*)(?:/[^?]*)?(\\?.*)?");

    /** The admin URL with another database name; host, credentials and parameters stay as they are. */
    String urlOf(String database) {
        Matcher url = DATABASE_PATH.matcher(adminUrl.strip());
        if (!url.matches()) {
            throw new IllegalStateException(provider + ": cannot put a database name into " + DatabaseUrl.redact(adminUrl)
                    + "; use the form postgresql://user:password@host:port/database");
        }
        return url.group(1) + "/" + database + (url.group(2) == null ? "" : url.group(2));
    }

    ConnectionSource admin() {
        return TestDatabase.connectionSource(DatabaseUrl.parse(adminUrl, provider));
    }

    /** Names the provider and the server with the password masked. */
    @Override
    public String toString() {
        return provider + " at " + DatabaseUrl.redact(adminUrl);
    }
}

package dev.strata.testserver;

/**
 * A test server that runs, and how to reach and stop it.
 *
 * @param kind     what it is
 * @param provider names it for messages (e.g. {@code Testcontainers postgres:17}); never holds a password
 * @param adminUrl {@code postgresql://user:password@host:port/database} (or {@code jdbc:postgresql:}, as given for an
 *                 external server) of a database the tests use only to create and drop their own: holds the password,
 *                 so never print it
 * @param stop     stops the server; a no-op for an external server, which Strata did not start
 */
public record StartedServer(TestServerKind kind, String provider, String adminUrl, AutoCloseable stop) {

    /** Names the provider only: the admin URL holds the password. */
    @Override
    public String toString() {
        return provider;
    }
}

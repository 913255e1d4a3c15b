package dev.strata.it;

import dev.strata.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL that {@link TestServers} falls back to (binaries from Maven, no Docker needed). Like every
 * embedded server it takes only its per-start password (scram-sha-256), so a wrong password is refused as on a real
 * server; the password is registered with {@link Secrets} so that {@link SecretScan} looks for it in every output. The
 * toolkit's shutdown hook stops it when the JVM exits.
 */
final class EmbeddedServer {

    private EmbeddedServer() {
    }

    static TestServer start() {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().nonDurable().start();
        Secrets.register(postgres.password());
        return new TestServer("embedded PostgreSQL", postgres.urlWithPassword("postgres"));
    }
}

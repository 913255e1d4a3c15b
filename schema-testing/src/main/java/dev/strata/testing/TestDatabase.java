package dev.strata.testing;

import java.util.Optional;

/**
 * What a test's database is, for logs and for tools that connect on their own (a test parameter of
 * {@link MigratedDatabase}). It holds no password.
 *
 * @param name     the database, e.g. {@code strata_test_1a2b3c4d_7}; dropped after the test
 * @param jdbcUrl  its pgjdbc URL, without credentials
 * @param user     the user the injected connections use, when the server's URL names one
 * @param template the template database it was copied from: every test with the same migration settings on the same
 *                 server has the same template, migrated once
 * @param server   the server, password masked
 */
public record TestDatabase(String name, String jdbcUrl, Optional<String> user, String template, String server) {
}

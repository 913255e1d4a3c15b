/**
 * The PostgreSQL server a test suite runs on, chosen by the {@code STRATA_TEST_*} variables
 * ({@link dev.strata.testserver.TestEnvironment}, read nowhere else) and started by
 * {@link dev.strata.testserver.TestServerLauncher}: embedded, a Testcontainers container, or an external URL. Test
 * tooling only: no runtime jar depends on it.
 *
 * <p><b>Public API</b>: {@code schema-testing} builds on it ({@code TestDatabaseException} is a
 * {@link dev.strata.testserver.TestServerException}); a test framework of another kind may start its server with it.
 * Applications usually select the server through the variables (docs/testing.md).
 */
package dev.strata.testserver;

/**
 * JUnit 5 support for applications' test suites (add {@code dev.strata:schema-testing} in test scope):
 * {@link dev.strata.testing.MigratedDatabase} gives each test a freshly migrated PostgreSQL database, copied from a
 * template migrated once, and {@link dev.strata.testing.StrataAssertions} compares a live schema with the one the
 * migrations produce. Environment variables are read in {@link dev.strata.testserver.TestEnvironment} (module strata-test-server) only.
 *
 * <p><b>Public API</b>: what applications use in their tests.
 */
package dev.strata.testing;

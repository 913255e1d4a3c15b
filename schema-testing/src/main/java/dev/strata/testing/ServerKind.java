package dev.strata.testing;

import dev.strata.testserver.TestEnvironment;

/**
 * Which PostgreSQL server {@link MigratedDatabase} tests run on. All test classes that resolve to the same server share
 * it (one per JVM): it starts on first use and stops when the test run ends.
 */
public enum ServerKind {
    /**
     * Decided by the environment: {@value TestEnvironment#SERVER_VARIABLE} (or the system property
     * {@value TestEnvironment#SERVER_PROPERTY}) when set, else {@link #EXTERNAL} when
     * {@value TestEnvironment#URL_VARIABLE} is set, else {@link #EMBEDDED}.
     */
    AUTO,
    /** An embedded PostgreSQL (binaries from Maven Central, no Docker). */
    EMBEDDED,
    /**
     * A Testcontainers PostgreSQL container; needs a reachable Docker engine and
     * {@code org.testcontainers:testcontainers-postgresql} on the test class path.
     */
    TESTCONTAINERS,
    /** The server named by {@value TestEnvironment#URL_VARIABLE}; its user needs the CREATEDB privilege. */
    EXTERNAL
}

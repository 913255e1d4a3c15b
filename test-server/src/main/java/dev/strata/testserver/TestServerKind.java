package dev.strata.testserver;

/** Which PostgreSQL server a test suite runs on. */
public enum TestServerKind {
    /** An embedded PostgreSQL (binaries from Maven Central, no Docker), started by the test run. */
    EMBEDDED,
    /**
     * A Testcontainers PostgreSQL container; needs a reachable Docker engine and
     * {@code org.testcontainers:testcontainers-postgresql} on the test class path.
     */
    TESTCONTAINERS,
    /** The server named by {@value TestEnvironment#URL_VARIABLE}; its user needs the CREATEDB privilege. */
    EXTERNAL
}

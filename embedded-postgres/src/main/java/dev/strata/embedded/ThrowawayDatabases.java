package dev.strata.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases made to be thrown away (a test's, {@code diff}'s scratch replay, a benchmark run's) on any server, embedded
 * or not: a name no other run picks, {@code CREATE DATABASE}, and a {@code DROP} that also ends the sessions a failed
 * run left behind. The statements run on an admin connection the caller owns (to a database that is not the one
 * created or dropped), so each caller keeps its own pool and words its own errors.
 */
public final class ThrowawayDatabases {
    private static final Pattern JDBC_DATABASE = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/[^?]*)?(\\?.*)?");
    /** {@code DROP DATABASE … WITH (FORCE)} exists from this major on. */
    private static final int FORCE_SINCE_MAJOR = 13;

    private ThrowawayDatabases() {
    }

    /**
     * {@code <prefix>_<16 random hex digits>}: parallel runs on one shared server never collide, and what a killed run
     * left behind is found by its prefix.
     */
    public static String uniqueName(String prefix) {
        return prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * Creates {@code name}: empty ({@code template} absent: the server's default template) or a copy of
     * {@code template}, with {@code options} (e.g. {@code " strategy file_copy"}, or {@code ""}) after it.
     */
    public static void create(Connection admin, String name, Optional<String> template, String options)
            throws SQLException {
        execute(admin, "create database " + quote(name) + template.map(source -> " template " + quote(source))
                .orElse("") + options);
    }

    /** Drops {@code name} if it exists, ending any session still on it (PostgreSQL 13+; older servers wait for none). */
    public static void drop(Connection admin, String name) throws SQLException {
        boolean force = admin.getMetaData().getDatabaseMajorVersion() >= FORCE_SINCE_MAJOR;
        execute(admin, "drop database if exists " + quote(name) + (force ? " with (force)" : ""));
    }

    /**
     * The pgjdbc URL of {@code database} on the server of {@code serverJdbcUrl}: its host, port and parameters kept.
     *
     * @throws IllegalArgumentException when {@code serverJdbcUrl} is not a {@code jdbc:postgresql://} URL
     */
    public static String jdbcUrl(String serverJdbcUrl, String database) {
        Matcher url = JDBC_DATABASE.matcher(serverJdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL of a server: " + serverJdbcUrl);
        }
        return url.group(1) + "/" + database + (url.group(2) == null ? "" : url.group(2));
    }

    /** Names are generated ({@code [a-z0-9_]}), but quoting costs nothing. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void execute(Connection admin, String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}

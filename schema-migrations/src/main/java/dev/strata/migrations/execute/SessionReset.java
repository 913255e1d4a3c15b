package dev.strata.migrations.execute;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the migration session back as the run found it after every file, so that a file's {@code SET search_path},
 * {@code SET ROLE} or {@code SET statement_timeout} cannot change where and how the next file runs (which would make
 * the schema depend on how files were grouped into runs). {@code RESET ALL} leaves role and session authorization
 * alone, hence their own resets; settings the session had at the start of the run (set by the caller, or by Strata's
 * {@link DeadClientCheck}) are set again afterwards.
 */
final class SessionReset {
    /** Session-level settings at the start of the run, and the few that RESET ALL never touches. */
    private static final String SESSION_SETTINGS = "select name, setting from pg_settings where source = 'session'"
            + " and name not in ('role', 'session_authorization') and name not like 'transaction\\_%'";

    private final List<String> statements;

    private SessionReset(List<String> statements) {
        this.statements = List.copyOf(statements);
    }

    /** Reads the session's own settings now, once per run. */
    static SessionReset capture(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SESSION_SETTINGS)) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        List<String> statements = new ArrayList<>(List.of("reset session authorization", "reset role", "reset all"));
        if (!settings.isEmpty()) {
            statements.add(restore(settings));
        }
        return new SessionReset(statements);
    }

    /**
     * The statements that reset the session; they return no rows, so they can travel in a batch. Inside a
     * transaction they take effect at its commit.
     */
    List<String> statements() {
        return statements;
    }

    /**
     * set_config takes a value exactly as pg_settings shows it (a list such as search_path included), which a SET
     * statement would need re-quoted element by element; a DO block lets it travel in a batch, where a SELECT may not.
     */
    private static String restore(Map<String, String> settings) {
        StringBuilder body = new StringBuilder("begin");
        settings.forEach((name, value) -> body.append(" perform pg_catalog.set_config(").append(literal(name))
                .append(", ").append(literal(value)).append(", false);"));
        body.append(" end");
        String tag = "$strata$";
        for (int n = 1; body.indexOf(tag) >= 0; n++) {
            tag = "$strata" + n + "$";
        }
        return "do " + tag + body + tag;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

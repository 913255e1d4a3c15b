package dev.strata.it.reliability;

import java.util.List;

import static dev.strata.it.reliability.BadInput.of;

/**
 * Bad input found while running: SQL errors at known lines (exit 1, rolled back), configuration and URL mistakes
 * (exit 2), servers that cannot be reached or refuse the login (exit 3), and a role without the privileges a
 * migration needs (exit 1).
 */
final class BadRunCases {
    private static final int FAILED = 1;
    private static final int USAGE = 2;
    private static final int CONNECT = 3;
    private static final int HISTORY = 6;

    private BadRunCases() {
    }

    static List<BadInput> all() {
        return List.of(
                // SQL errors: file, line and column in the file, SQLSTATE, and the file rolled back
                of("syntax error on line 3", FAILED, c -> c.write("V4__broken.sql",
                                "create table fine (id int);\n\nselect * fromm jobs;\n"),
                        "V4__broken.sql:3:10 [SQLSTATE 42601]: syntax error at or near \"fromm\"",
                        "The transaction was rolled back", "fix V4__broken.sql, then run `strata migrate` again"),
                of("unknown table", FAILED, c -> c.write("V4__broken.sql", "\n\ninsert into no_such_table values (1);\n"),
                        "V4__broken.sql:3:13 [SQLSTATE 42P01]: relation \"no_such_table\" does not exist"),
                of("second statement fails, first rolled back", FAILED, c -> c.write("V4__broken.sql",
                                "create table fine (id int);\ninsert into fine values ('x');\n"),
                        "V4__broken.sql:2:26 [SQLSTATE 22P02]: invalid input syntax for type integer: \"x\""),
                of("division by zero", FAILED, c -> c.write("V4__broken.sql", "select 1;\nselect 1 / 0;\n"),
                        "V4__broken.sql:2:1 [SQLSTATE 22012]: division by zero"),
                of("table exists already", FAILED, c -> c.write("V4__broken.sql", "create table job_events (id int);\n"),
                        "V4__broken.sql:1:1 [SQLSTATE 42P07]: relation \"job_events\" already exists"),
                of("not-null violation", FAILED, c -> c.write("V4__broken.sql", "insert into jobs (id) values (1);\n"),
                        "[SQLSTATE 23502]: null value in column \"name\" of relation \"jobs\"",
                        "Statement (line 1):"),
                of("foreign-key violation", FAILED, c -> c.write("V4__broken.sql",
                                "insert into job_events values (1, 42);\n"),
                        "[SQLSTATE 23503]: insert or update on table \"job_events\" violates foreign key constraint"),
                of("exception raised in a DO block", FAILED, c -> c.write("V4__broken.sql",
                                "do $$\nbegin\n  raise exception 'boom %', 42;\nend\n$$;\n"),
                        "[SQLSTATE P0001]: boom 42", "Where: PL/pgSQL function inline_code_block line 3 at RAISE"),
                of("multi-byte characters before the error", FAILED, c -> c.write("V4__broken.sql",
                                "-- ünïcödé\nselect 'ü', nope;\n"),
                        "V4__broken.sql:2:13 [SQLSTATE 42703]: column \"nope\" does not exist"),
                of("CRLF line endings", FAILED, c -> c.write("V4__broken.sql", "select 1;\r\n\r\nselect nope;\r\n"),
                        "V4__broken.sql:3:8 [SQLSTATE 42703]"),
                of("byte order mark before an error", FAILED, c -> c.write("V4__broken.sql",
                                "\uFEFFselect 1;\nselect nope;\n"),
                        "V4__broken.sql:2:8 [SQLSTATE 42703]"),
                of("statement timeout", FAILED, c -> c.write("V4__slow.sql",
                                "-- strata:statement_timeout=200ms\nselect pg_sleep(30);\n"),
                        "V4__slow.sql:2:1 [SQLSTATE 57014]: canceling statement due to statement timeout",
                        "raise `-- strata:statement_timeout` in V4__slow.sql"),
                // Configuration
                of("unknown key in the configuration file", USAGE, c -> c.config(
                                "[migrations]\nlock_timeout = \"10s\"\nout_of_ordr = true\n"),
                        "unknown key 'out_of_ordr' in [migrations] at", "strata.toml:3",
                        "known keys in [migrations]:"),
                of("configuration file that is not TOML", USAGE, c -> c.config("[migrations\nlock_timeout = \"10s\"\n"),
                        "strata.toml:1:12: invalid TOML", "see https://toml.io"),
                of("duration that is not one", USAGE, c -> c.config("[migrations]\nlock_timeout = \"soon\"\n"),
                        "migrations.lock_timeout (from", "strata.toml:2) is 'soon': expected a duration"),
                of("connect timeout below a second", USAGE, c -> c.config("[database]\nconnect_timeout = \"0s\"\n"),
                        "database.connect_timeout (from", "is 0 ms: expected at least 1s"),
                of("boolean that is not one", USAGE, c -> c.config("[migrations]\nout_of_order = \"yes\"\n"),
                        "migrations.out_of_order (from", "is 'yes': expected true or false"),
                of("configuration file missing", USAGE, c -> c.arguments.addAll(List.of("--config", "nope.toml")),
                        "configuration file nope.toml (named by --config) does not exist"),
                of("misspelt environment variable", USAGE,
                        c -> c.environment.put("STRATA_MIGRATIONS__LOKC_TIMEOUT", "1s"),
                        "unknown environment variable STRATA_MIGRATIONS__LOKC_TIMEOUT"),
                of("location directory missing", USAGE, c -> c.environment.put("STRATA_MIGRATIONS__LOCATIONS",
                                "filesystem:" + c.workingDirectory.resolve("no-such-dir")),
                        "no-such-dir does not exist (resolved to", "create the directory, or fix [migrations] locations"),
                of("location of an unknown kind", USAGE, c -> c.environment.put("STRATA_MIGRATIONS__LOCATIONS", "ftp:/x"),
                        "holds an invalid location 'ftp:/x': expected classpath:<path>")
                        .without("filesystem:<dir>: expected"),
                of("misspelt option", USAGE, c -> c.arguments.addAll(List.of("--urll", "x")),
                        "Unknown options: '--urll', 'x'", "Possible solutions: --url"),
                of("history table name that is not an identifier", USAGE,
                        c -> c.environment.put("STRATA_MIGRATIONS__TABLE", "history; drop table jobs"),
                        "history; drop table jobs"),
                // URLs
                of("URL of another database kind", USAGE, c -> c.url("mysql://app:" + BadInputTest.URL_PASSWORD
                                + "@localhost/app"),
                        "'mysql://localhost/app' (user name and password not shown) is not valid: it must start"
                                + " with postgresql://"),
                of("port that is not a number", USAGE, c -> c.url("postgresql://app:" + BadInputTest.URL_PASSWORD
                                + "@localhost:notaport/app"),
                        "port 'notaport' is not a number from 1 to 65535"),
                of("malformed %-escape in the password", USAGE, c -> c.url("postgresql://app:%zz"
                                + BadInputTest.URL_PASSWORD + "@localhost/app"),
                        "'postgresql://localhost/app' (user name and password not shown) is not valid: the password"
                                + " has a malformed %-escape"),
                of("unknown sslmode", USAGE, c -> c.url(c.prepared(BadInputTest.DEPLOYER) + "?sslmode=bogus"),
                        "sslmode 'bogus' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                of("connect_timeout that is not a number", USAGE,
                        c -> c.url(c.prepared(BadInputTest.DEPLOYER) + "?connect_timeout=abc"),
                        "connect_timeout 'abc' is not a whole number of seconds"),
                of("IPv6 address without its closing bracket", USAGE, c -> c.url("postgresql://app:"
                                + BadInputTest.URL_PASSWORD + "@[::1:5432/app"),
                        "the IPv6 address after [ has no closing ]"),
                // Servers that cannot be reached or refuse the login
                of("wrong password", CONNECT, c -> c.url(c.prepared(BadInputTest.WRONG_PASSWORD)),
                        "password authentication failed for user", "SQLSTATE 28P01",
                        "check the user and password"),
                of("nothing listening on the port", CONNECT, c -> c.url(c.prepared(BadInputTest.CLOSED_PORT)),
                        "cannot connect to postgresql://", "refused", "check that the server is running"),
                of("host name that does not resolve", CONNECT, c -> c.url("postgresql://app:"
                                + BadInputTest.URL_PASSWORD + "@no-such-host.invalid:5432/app?connect_timeout=5"),
                        "unknown host no-such-host.invalid", "check the host name in the URL"),
                of("database that does not exist", CONNECT, c -> c.url(c.prepared(BadInputTest.MISSING_DATABASE)),
                        "does not exist [SQLSTATE 3D000]", "create the database first"),
                // A role that may not create objects
                of("role without CREATE on the schema", FAILED, c -> {
                    c.url(c.prepared(BadInputTest.LOWLY));
                    c.write("V4__create_more.sql", "create table more (id int);\n");
                }, "V4__create_more.sql:1:14 [SQLSTATE 42501]: permission denied for schema public",
                        "the migrating role lacks a privilege this statement needs"),
                // Exit 6, not 1: no migration failed, the history table could not be written (issue 14 item 14).
                of("role without CREATE on a database without history", HISTORY,
                        c -> c.url(c.prepared(BadInputTest.LOWLY_EMPTY)),
                        "creating the history table public.strata_schema_history failed",
                        "permission denied for schema public [SQLSTATE 42501]",
                        "grant the migrating role the privileges it needs").on(BadInput.Target.EMPTY));
    }
}

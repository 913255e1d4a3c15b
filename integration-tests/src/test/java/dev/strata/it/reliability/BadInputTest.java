package dev.strata.it.reliability;

import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;
import dev.strata.it.cli.DeployerRole;
import dev.strata.it.cli.StrataCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus ({@link BadFileCases}, {@link BadRunCases}) run through the real jar: each case must exit
 * with its code, print its specific message, and leave the database exactly as it was (history rows, relations and
 * columns compared before and after). The database has V1-V3 applied; a second one has no history at all.
 */
class BadInputTest {
    static final String DEPLOYER = "deployer";
    static final String WRONG_PASSWORD = "wrong password";
    static final String LOWLY = "lowly";
    static final String LOWLY_EMPTY = "lowly, database without history";
    static final String MISSING_DATABASE = "missing database";
    static final String CLOSED_PORT = "closed port";
    /** The password in the hand-written bad URLs: a secret like any other, that must never be printed. */
    static final String URL_PASSWORD = Secrets.register("Url-Secret-9f2c1");

    private static final Map<String, String> BASE_FILES = Map.of(
            "V1__create_jobs.sql", "create table jobs (id bigint primary key, name text not null);\n",
            "V2__add_status.sql", "alter table jobs add column status text;\n",
            "V3__create_events.sql", "create table job_events (id bigint primary key,"
                    + " job_id bigint references jobs (id));\n");

    @TempDir
    static Path directory;

    private static TestDatabase migrated;
    private static TestDatabase empty;
    private static String lowly;
    private static final Map<String, String> URLS = new HashMap<>();

    @BeforeAll
    static void prepare() throws Exception {
        migrated = TestDatabase.create();
        empty = TestDatabase.create();
        DeployerRole deployer = DeployerRole.create(migrated);
        URLS.put(DEPLOYER, deployer.url());
        URLS.put(WRONG_PASSWORD, deployer.urlWithPassword(Secrets.register("Wrong-" + deployer.password())));
        String hostAndPort = migrated.jdbcUrl().substring("jdbc:postgresql://".length()).replaceFirst("/.*", "");
        URLS.put(MISSING_DATABASE, deployer.url().replace("/" + migrated.name(), "/" + migrated.name() + "_missing"));
        URLS.put(CLOSED_PORT, "postgresql://" + deployer.name() + ":" + deployer.password() + "@127.0.0.1:"
                + closedPort() + "/" + migrated.name());

        lowly = "lowly_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String lowlyPassword = Secrets.register("Lowly-" + deployer.password());
        execute(migrated, "create role " + lowly + " login password '" + lowlyPassword + "'");
        URLS.put(LOWLY, "postgresql://" + lowly + ":" + lowlyPassword + "@" + hostAndPort + "/" + migrated.name());
        URLS.put(LOWLY_EMPTY, "postgresql://" + lowly + ":" + lowlyPassword + "@" + hostAndPort + "/" + empty.name());
        for (TestDatabase database : List.of(migrated, empty)) {
            // Before PostgreSQL 15 every role may create in public; revoke that so only explicit grants count.
            execute(database, "revoke create on schema public from public");
            execute(database, "grant connect on database " + database.name() + " to " + lowly);
        }

        Path files = Files.createDirectories(directory.resolve("base"));
        for (Map.Entry<String, String> file : BASE_FILES.entrySet()) {
            Files.writeString(files.resolve(file.getKey()), file.getValue());
        }
        StrataCli.Result applied = StrataCli.run(directory, Map.of("STRATA_DATABASE__URL", deployer.url(),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + files), "migrate");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        execute(migrated, "grant select, insert on strata_schema_history to " + lowly);
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        execute(empty, "drop owned by " + lowly);
        execute(migrated, "drop owned by " + lowly);
        execute(migrated, "drop role " + lowly);
        empty.close();
        migrated.close();
    }

    static Stream<BadInput> corpus() {
        return Stream.concat(BadFileCases.all().stream(), BadRunCases.all().stream());
    }

    @Test
    void theCorpusHasAtLeastFortyDistinctCases() {
        List<String> names = corpus().map(BadInput::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputGivesItsMessageAndExitCodeAndChangesNothing(BadInput input) throws Exception {
        TestDatabase database = input.target() == BadInput.Target.EMPTY ? empty : migrated;
        Path workingDirectory = Files.createTempDirectory(directory, "case");
        Path migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        for (Map.Entry<String, String> file : BASE_FILES.entrySet()) {
            Files.writeString(migrations.resolve(file.getKey()), file.getValue());
        }
        Map<String, String> environment = new HashMap<>(Map.of("STRATA_DATABASE__URL", URLS.get(DEPLOYER),
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations));
        BadInput.Context context = new BadInput.Context(workingDirectory, migrations, environment, URLS);
        input.setup().apply(context);
        List<String> before = snapshot(database);

        StrataCli.Result result = StrataCli.run(workingDirectory, environment, context.arguments.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(input.exitCode());
        assertThat(result.stderr()).as(result.toString()).contains(input.expected())
                .contains("exit code " + input.exitCode() + ": ");
        for (String fragment : input.absent()) {
            assertThat(result.all()).as(result.toString()).doesNotContain(fragment);
        }
        assertThat(result.stdout()).doesNotContain("Applied ");
        assertThat(snapshot(database)).as("history, relations and columns after: %s", input).isEqualTo(before);
    }

    /** The history rows (every column) and the relations and columns of the public schema, as text. */
    private static List<String> snapshot(TestDatabase database) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select c.relname || ' ' || c.relkind::text from pg_catalog.pg_class c"
                    + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by 1")) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("select table_name || '.' || column_name || ' ' || data_type"
                    + " || ' ' || is_nullable || ' ' || coalesce(column_default, '') from information_schema.columns"
                    + " where table_schema = 'public' order by 1")) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            if (lines.stream().anyMatch(line -> line.startsWith("strata_schema_history "))) {
                try (ResultSet rows = statement.executeQuery(
                        "select h::text from strata_schema_history h order by installed_rank")) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        return lines;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

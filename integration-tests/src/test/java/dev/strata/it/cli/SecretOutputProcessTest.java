package dev.strata.it.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.it.FreshDatabase;
import dev.strata.it.Secrets;
import dev.strata.it.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords through the real jar: a password that is also ordinary output (digits of a version, a JSON literal)
 * leaves that output intact, an unparsable URL never shows any part of its password, in text, JSON or
 * {@code STRATA_DEBUG} output, whichever way it came in, and {@code migrations.record_content = false} keeps the
 * files' text out of the history.
 */
@ExtendWith(FreshDatabase.class)
class SecretOutputProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "20240101123456";
    private static final String SCRIPT = "V" + VERSION + "__create_ledger.sql";
    /** The halves of the password in the bad URLs, each long enough for the suite's secret scan. */
    private static final String FRONT = Secrets.register("Alpha7xq");
    private static final String BACK = Secrets.register("Omega9zk");

    @TempDir
    Path workingDirectory;

    private Path migrations;
    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeEach
    void createMigrationDirectory() throws IOException {
        migrations = Files.createDirectories(workingDirectory.resolve("migrations"));
        Files.writeString(migrations.resolve(SCRIPT), "create table ledger (id bigint primary key);\n",
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void dropRoles() {
        cleanups.forEach(Runnable::run);
    }

    @Test
    void aPasswordOfDigitsLeavesTheVersionThatHoldsThemIntact(TestDatabase database) throws Exception {
        Map<String, String> environment = environmentFor(database, "123456");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate", "--output", "json");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        JsonNode document = singleDocument(migrate);
        assertThat(document.path("applied").get(0).path("version").asText()).isEqualTo(VERSION);
        assertThat(document.path("applied").get(0).path("script").asText()).isEqualTo(SCRIPT);
        assertThat(document.path("database").asText()).contains(":***@").doesNotContain(":123456@");

        StrataCli.Result status = StrataCli.run(workingDirectory, environment, "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains(VERSION + "  create ledger").contains("Current version: " + VERSION + ".");
    }

    @Test
    void aPasswordThatIsAJsonLiteralKeepsTheDocumentValid(TestDatabase database) throws Exception {
        Map<String, String> environment = environmentFor(database, "true");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate", "--output", "json");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        JsonNode document = singleDocument(migrate);
        assertThat(document.path("ok").isBoolean()).as(migrate.stdout()).isTrue();
        assertThat(document.path("ok").asBoolean()).isTrue();
        assertThat(document.path("applied").get(0).path("version").asText()).isEqualTo(VERSION);
    }

    @Test
    void recordContentFalseKeepsTheTextOutOfTheHistory(TestDatabase database) throws Exception {
        Map<String, String> environment = environmentFor(database, "record-" + suffix());
        environment.put("STRATA_MIGRATIONS__RECORD_CONTENT", "false");

        StrataCli.Result migrate = StrataCli.run(workingDirectory, environment, "migrate");

        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*), count(content) from strata_schema_history")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getInt(2)).isZero();
        }
    }

    @Test
    void anUnparsableUrlNeverShowsItsPassword(TestDatabase database) throws Exception {
        String valid = database.postgresUrl();
        String libpqKeywords = "host=localhost dbname=app user=app password=" + FRONT + BACK;
        String slash = "postgresql://app:" + FRONT + "/" + BACK + "@localhost:5432/app";
        String question = "postgres://app:" + FRONT + "?" + BACK + "@localhost/app?sslmode=require";
        String jdbcUserInfo = "jdbc:postgresql://app:" + FRONT + BACK + "@localhost/app";
        String ampersand = "jdbc:postgresql://localhost/app?user=app&password=" + FRONT + "&" + BACK;
        String percent = "postgresql://app:" + FRONT + "%" + BACK + "@localhost/app";
        Map<String, String> debug = Map.of("STRATA_DEBUG", "1");

        List<StrataCli.Result> results = List.of(
                strata(Map.of(), "status", "--url", libpqKeywords),
                strata(Map.of("STRATA_DATABASE__URL", slash), "migrate", "--output", "json"),
                strata(debug, "plan", "--url=" + question),
                strata(Map.of("STRATA_DATABASE__URL", jdbcUserInfo, "STRATA_DEBUG", "1"), "status", "--output",
                        "json"),
                strata(debug, "diff", "--url", valid, "--scratch-url", ampersand),
                strata(Map.of(), "diff", "--url", valid, "--scratch-url", percent, "--output", "json"));

        for (StrataCli.Result result : results) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.all()).as(result.toString()).doesNotContain(FRONT).doesNotContain(BACK)
                    .contains("(user name and password not shown)").contains("percent-encode");
        }
        assertThat(results.get(0).stderr()).contains("libpq key=value connection string", "host=localhost dbname=app");
        assertThat(results.get(1).stderr()).contains("'/' as %2F");
        singleDocument(results.get(1));
        assertThat(singleDocument(results.get(3)).path("error").path("message").asText())
                .contains("takes no user:password@ part");
        assertThat(results.get(4).stderr()).contains("--scratch-url", "unencoded '&'");
        assertThat(singleDocument(results.get(5)).path("error").path("message").asText())
                .contains("--scratch-url", "malformed %-escape", "%25");
    }

    private StrataCli.Result strata(Map<String, String> extra, String... args) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
        return StrataCli.run(workingDirectory, environment, args);
    }

    /** A login role with this password that may create tables in the test database; dropped after the test. */
    private Map<String, String> environmentFor(TestDatabase database, String password) throws SQLException {
        String name = "secret_owner_" + suffix();
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            statement.execute("create role " + name + " login password '" + password + "'");
            statement.execute("grant create, connect on database " + database.name() + " to " + name);
            statement.execute("grant all on schema public to " + name);
        }
        cleanups.add(() -> {
            try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
                statement.execute("drop owned by " + name);
                statement.execute("drop role " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop role " + name, e);
            }
        });
        String hostAndDatabase = database.jdbcUrl().substring("jdbc:postgresql://".length());
        Map<String, String> environment = new HashMap<>();
        environment.put("STRATA_DATABASE__URL", "postgresql://" + name + ":" + password + "@" + hostAndDatabase);
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:" + migrations);
        return environment;
    }

    private static String suffix() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static JsonNode singleDocument(StrataCli.Result result) throws IOException {
        try (JsonParser parser = JSON.createParser(result.stdout())) {
            JsonNode document = JSON.readTree(parser);
            assertThat(parser.nextToken()).as("anything after the document in:\n" + result.stdout()).isNull();
            assertThat(document).as(result.toString()).isNotNull();
            return document;
        }
    }
}

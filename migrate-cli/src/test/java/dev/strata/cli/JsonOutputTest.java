package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.output.JsonOutput;
import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --output json} where no database is needed: failures before connecting, and the document's masking. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workingDirectory;

    /** Exactly one JSON document: Jackson reads one value and nothing but whitespace follows it. */
    private static JsonNode singleDocument(String stdout) throws IOException {
        try (var parser = JSON.createParser(stdout)) {
            JsonNode document = JSON.readTree(parser);
            assertThat(parser.nextToken()).as("anything after the document in:\n" + stdout).isNull();
            assertThat(document).as(stdout).isNotNull();
            return document;
        }
    }

    @Test
    void aConfigurationErrorIsAJsonDocumentWithOkFalseAndExitCode2() throws IOException {
        Path config = Files.writeString(workingDirectory.resolve("strata.toml"),
                "[database]\nurl = \"postgresql://localhost/x\"\nurll = \"typo\"\n");

        InProcessStrata.Result result = InProcessStrata.run(workingDirectory, Map.of(),
                "status", "--config", config.toString(), "--output", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode document = singleDocument(result.stdout());
        assertThat(document.path("command").asText()).isEqualTo("status");
        assertThat(document.path("ok").asBoolean(true)).isFalse();
        assertThat(document.path("database").isNull()).isTrue();
        JsonNode error = document.path("error");
        assertThat(error.path("type").asText()).isEqualTo("configuration");
        assertThat(error.path("exitCode").asInt()).isEqualTo(2);
        assertThat(error.path("message").asText()).contains("unknown key 'urll'", config + ":3");
        assertThat(error.path("hint").asText()).contains("known keys in [database]");
        assertThat(result.stderr()).as("people still read the error on stderr")
                .contains("error: unknown key 'urll'", "exit code 2");
    }

    @Test
    void everyDatabaseCommandAnswersInJson() {
        for (String command : new String[] {"migrate", "plan", "status", "validate"}) {
            InProcessStrata.Result result = InProcessStrata.run(workingDirectory,
                    Map.of("STRATA_MIGRATIONS__LOCK_TIMOUT", "5s"), command, "--output=JSON");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stdout()).as(command).contains("\"command\": \"" + command + "\"", "\"ok\": false");
        }
    }

    @Test
    void aUsageErrorAfterOutputJsonIsStillAJsonDocument() throws IOException {
        InProcessStrata.Result result = InProcessStrata.run(workingDirectory, Map.of(),
                "validate", "--bogus", "--output", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode error = singleDocument(result.stdout()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("usage");
        assertThat(error.path("message").asText()).contains("--bogus");
        assertThat(result.stderr()).contains("Unknown option: '--bogus'", "exit code 2");
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        InProcessStrata.Result result = InProcessStrata.run(workingDirectory, Map.of(), "status", "--output", "yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--output", "yaml", "TEXT", "JSON");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void textModePrintsNoJson() {
        InProcessStrata.Result result = InProcessStrata.run(workingDirectory,
                Map.of("STRATA_MIGRATIONS__LOCK_TIMOUT", "5s"), "status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void anUnreachableServerIsExit3WithTheUrlMaskedAndTheDocumentIntact() throws IOException {
        Files.createDirectories(workingDirectory.resolve("sql"));
        Files.writeString(workingDirectory.resolve("sql/V1__one.sql"), "create table one (id int);\n");
        InProcessStrata.Result result = InProcessStrata.run(workingDirectory, Map.of(), "migrate", "--output", "json",
                "--locations", "filesystem:" + workingDirectory.resolve("sql"),
                "--url", "postgresql://deploy:Topsecret77@127.0.0.1:1/app?sslpassword=Keysecret88&connect_timeout=1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        JsonNode document = singleDocument(result.stdout());
        assertThat(document.path("database").asText())
                .isEqualTo("postgresql://deploy:***@127.0.0.1:1/app?sslpassword=***&connect_timeout=1");
        assertThat(document.path("error").path("type").asText()).isEqualTo("database_connection");
        assertThat(document.path("error").path("exitCode").asInt()).isEqualTo(3);
        assertThat(result.stdout() + result.stderr()).doesNotContain("Topsecret77").doesNotContain("Keysecret88");
    }

    /**
     * Values are masked before Jackson escapes them and the line masker changes nothing after that: SQL from a
     * migration file is printed as written (its URL is no configured password), the configured password is masked
     * where it stands as a credential, and the document parses.
     */
    @Test
    void valuesAreMaskedAsCredentialsOnlyAndTheDocumentStaysValid() throws IOException {
        SecretMasker masker = SecretMasker.from(Map.of(), new String[] {"--url=postgresql://u:Hidden123@h/db"});
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        String sql = "insert into config values ('postgresql://h/db?user=a&password=Plain456', 'ok')";
        document.put("sql", sql);
        document.put("url", "postgresql://u:Hidden123@h/db");
        document.put("note", "the password Hidden123 again");
        document.put("quoted", "password=\"Hidden123\" and \\ \"password\": \"Hidden123\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintWriter out = new PrintWriter(new MaskingOutputStream(bytes, masker), true, StandardCharsets.UTF_8)) {
            JsonOutput.print(document, masker, out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);

        JsonNode parsed = singleDocument(printed);
        assertThat(parsed.path("sql").asText()).isEqualTo(sql);
        assertThat(parsed.path("url").asText()).isEqualTo("postgresql://u:***@h/db");
        assertThat(parsed.path("note").asText()).isEqualTo("the password *** again");
        assertThat(parsed.path("quoted").asText()).isEqualTo("password=\"***\" and \\ \"password\": \"***\"");
        assertThat(printed).doesNotContain("Hidden123");
    }

    @Test
    void helpOfEveryDatabaseCommandShowsTheOutputOption() {
        for (String command : new String[] {"migrate", "plan", "status", "validate"}) {
            InProcessStrata.Result result = InProcessStrata.run(workingDirectory, Map.of(), "help", command);
            assertThat(result.stdout()).as(command).contains("--output=FORMAT", "--config=FILE", "--url=URL");
        }
    }
}

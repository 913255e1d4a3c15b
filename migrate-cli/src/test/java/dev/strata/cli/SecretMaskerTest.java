package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.output.JsonOutput;
import dev.strata.cli.output.MaskingOutputStream;
import dev.strata.cli.output.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    private static SecretMasker knowing(String... passwords) {
        SecretMasker masker = new SecretMasker();
        for (String password : passwords) {
            masker.add(password);
        }
        return masker;
    }

    @Test
    void masksPasswordsFromTheEnvironmentAndFromUrlArgumentsWhereTheyStandAsCredentials() {
        SecretMasker masker = SecretMasker.from(
                Map.of("STRATA_DATABASE__PASSWORD", "env-secret-1",
                        "STRATA_DATABASE__URL", "postgresql://u:url%21secret@h/db"),
                new String[] {"diff", "--url=postgresql://a:arg-secret-2@h/db?sslpassword=key-secret-4",
                        "--scratch-url=postgresql://a:scratch-secret-3@h/postgres"});

        String masked = masker.mask("PGPASSWORD=env-secret-1 postgresql://u:url!secret@h and postgresql://u:url%21secret@h"
                + " jdbc:postgresql://h/db?password=arg-secret-2&sslpassword=key-secret-4,"
                + " \"password\": \"scratch-secret-3\"");

        assertThat(masked).isEqualTo("PGPASSWORD=*** postgresql://u:***@h and postgresql://u:***@h"
                + " jdbc:postgresql://h/db?password=***&sslpassword=***, \"password\": \"***\"");
    }

    @Test
    void aPasswordMadeOfDigitsLeavesVersionsAlone() {
        SecretMasker masker = knowing("123456");

        String line = "V20240101123456__add_index.sql applied, version 20240101123456, 123456 rows";
        assertThat(masker.mask(line)).isEqualTo(line);
        assertThat(masker.mask("  \"version\": \"20240101123456\",")).isEqualTo("  \"version\": \"20240101123456\",");
        assertThat(masker.mask("Migrating postgresql://app:123456@db/app")).isEqualTo("Migrating postgresql://app:***@db/app");
    }

    @Test
    void aPasswordThatIsAJsonLiteralKeepsTheDocumentValid() throws IOException {
        SecretMasker masker = SecretMasker.from(Map.of(), new String[] {"--url", "postgresql://app:true@db/app"});
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("ok", true);
        document.put("repeatable", true);
        document.put("database", "postgresql://app:true@db/app");
        document.put("note", "true");

        JsonNode parsed = printAsJson(document, masker);

        assertThat(parsed.path("ok").asBoolean()).isTrue();
        assertThat(parsed.path("repeatable").isBoolean()).isTrue();
        assertThat(parsed.path("database").asText()).isEqualTo("postgresql://app:***@db/app");
        assertThat(parsed.path("note").asText()).isEqualTo("true");
    }

    @Test
    void sqlOfAMigrationFileIsPrintedAsWritten() {
        SecretMasker masker = knowing("Hidden123");

        String line = "  1. line 3: insert into links values ('postgresql://other:elsewhere@h/db?password=x&a=b', 1);";
        assertThat(masker.mask(line)).isEqualTo(line);
    }

    @Test
    void aMaskedQueryPasswordKeepsTheRestOfTheLine() {
        SecretMasker masker = knowing("Xsecret1");

        assertThat(masker.mask("error: cannot connect to jdbc:postgresql://h/db?user=u&password=Xsecret1&ssl=true:"
                + " FATAL: password authentication failed for user \"u\" [SQLSTATE 28P01]"))
                .isEqualTo("error: cannot connect to jdbc:postgresql://h/db?user=u&password=***&ssl=true:"
                        + " FATAL: password authentication failed for user \"u\" [SQLSTATE 28P01]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b c", "p@ss:w#rd?", "50%off&more"})
    void aPasswordIsMaskedAsWrittenAndPercentEncoded(String password) {
        SecretMasker masker = knowing(password);
        String encoded = java.net.URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(masker.mask("at postgresql://u:" + password + "@h/db and postgresql://u:" + encoded + "@h/db"))
                .isEqualTo("at postgresql://u:***@h/db and postgresql://u:***@h/db");
        assertThat(masker.mask("create role app login password '" + password + "';"))
                .isEqualTo("create role app login password '***';");
    }

    @Test
    void aPasswordThatStartsAnotherDoesNotLeaveItsTail() {
        SecretMasker masker = knowing("Short1", "Short1Longer2");

        assertThat(masker.mask("password=Short1Longer2 and password=Short1"))
                .isEqualTo("password=*** and password=***");
    }

    @Test
    void outputStreamMasksWholeLinesEvenWhenWrittenInPieces() {
        SecretMasker masker = knowing("swordfish");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new MaskingOutputStream(sink, masker), true, StandardCharsets.UTF_8);

        out.print("the password=sword");
        out.print("fish");
        out.println(", really");
        out.print("progress … ");
        out.flush();
        String partial = sink.toString(StandardCharsets.UTF_8);
        out.print("unterminated password: swordfish");
        out.close();

        assertThat(partial).isEqualTo("the password=***, really\nprogress … ");
        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("the password=***, really\nprogress … unterminated password: ***");
    }

    @Test
    void aCredentialContextSplitAcrossFlushesIsStillMasked() {
        SecretMasker masker = knowing("swordfish");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new MaskingOutputStream(sink, masker), true, StandardCharsets.UTF_8);

        out.print("connecting to postgre");
        out.flush();
        out.print("sql://u:");
        out.flush();
        String partial = sink.toString(StandardCharsets.UTF_8);
        out.println("swordfish@h/db");
        out.print("PASSW");
        out.flush();
        out.println("ORD=swordfish");

        assertThat(partial).isEqualTo("connecting to postgresql");
        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("connecting to postgresql://u:***@h/db\nPASSWORD=***\n");
    }

    private static JsonNode printAsJson(ObjectNode document, SecretMasker masker) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintWriter out = new PrintWriter(new MaskingOutputStream(bytes, masker), true, StandardCharsets.UTF_8)) {
            JsonOutput.print(document, masker, out);
        }
        return new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    }
}

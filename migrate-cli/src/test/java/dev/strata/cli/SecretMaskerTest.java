package dev.strata.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    @Test
    void masksPasswordsFromTheEnvironmentAndFromUrlArguments() {
        SecretMasker masker = SecretMasker.from(
                Map.of("STRATA_DATABASE__PASSWORD", "env-secret-1",
                        "STRATA_DATABASE__URL", "postgresql://u:url%21secret@h/db"),
                new String[] {"diff", "--url=postgresql://a:arg-secret-2@h/db",
                        "--scratch-url=postgresql://a:scratch-secret-3@h/postgres"});

        String masked = masker.mask("connect env-secret-1 then url!secret and arg-secret-2, scratch-secret-3");

        assertThat(masked).doesNotContain("env-secret-1", "url!secret", "arg-secret-2", "scratch-secret-3")
                .isEqualTo("connect *** then *** and ***, ***");
    }

    @Test
    void masksUrlPasswordsItWasNeverTold() {
        SecretMasker masker = new SecretMasker();

        assertThat(masker.mask("failed on postgresql://bob:hunter22@db:5432/x and jdbc:postgresql://db/x?user=b&password=hunter33"))
                .doesNotContain("hunter22", "hunter33")
                .contains("postgresql://bob:***@db:5432/x", "password=***");
    }

    @Test
    void outputStreamMasksWholeLinesEvenWhenWrittenInPieces() {
        SecretMasker masker = new SecretMasker();
        masker.add("swordfish");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new MaskingOutputStream(sink, masker), true, StandardCharsets.UTF_8);

        out.print("the password is sword");
        out.print("fish");
        out.println(", really");
        out.print("progress … ");
        out.flush();
        String partial = sink.toString(StandardCharsets.UTF_8);
        out.print("unterminated swordfish");
        out.close();

        assertThat(partial).isEqualTo("the password is ***, really\nprogress … ");
        assertThat(sink.toString(StandardCharsets.UTF_8))
                .isEqualTo("the password is ***, really\nprogress … unterminated ***");
    }
}

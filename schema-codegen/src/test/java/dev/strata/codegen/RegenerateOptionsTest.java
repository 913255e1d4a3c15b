package dev.strata.codegen;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegenerateOptionsTest {

    @Test
    void defaultsDeriveFromTheProjectRoot() {
        RegenerateOptions options = RegenerateOptions.parse(new String[] {"--project-root", "/repo"});
        assertThat(options.paths().migrations()).isEqualTo(Path.of("/repo/examples/data-platform/src/main/resources/db/migration"));
        assertThat(options.paths().sourceRoot()).isEqualTo(Path.of("/repo/examples/data-platform/src/generated/java"));
        assertThat(options.force()).isFalse();
        assertThat(options.check()).isEmpty();
    }

    @Test
    void forceAcceptsTheValuesMavenPasses() {
        assertThat(RegenerateOptions.parse(new String[] {"--force"}).force()).isTrue();
        assertThat(RegenerateOptions.parse(new String[] {"--force=true"}).force()).isTrue();
        assertThat(RegenerateOptions.parse(new String[] {"--force="}).force()).as("-Dforce with no value").isTrue();
        assertThat(RegenerateOptions.parse(new String[] {"--force=false"}).force()).isFalse();
        assertThatThrownBy(() -> RegenerateOptions.parse(new String[] {"--force=maybe"}))
                .hasMessageContaining("true or false");
    }

    @Test
    void checkDefaultsToTheOutput() {
        assertThat(RegenerateOptions.parse(new String[] {"--output=/out", "--check"}).check()).contains(Path.of("/out"));
        assertThat(RegenerateOptions.parse(new String[] {"--check=/other"}).check()).contains(Path.of("/other"));
    }

    @Test
    void badArgumentsPrintTheUsageAndExitWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Regenerate.run(new String[] {"--frobnicate"}, TestPostgres.noDatabaseExpected(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(Regenerate.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--frobnicate'").contains("Usage:");
        assertThatThrownBy(() -> RegenerateOptions.parse(new String[] {"--output"})).hasMessage("--output needs a directory");
    }
}

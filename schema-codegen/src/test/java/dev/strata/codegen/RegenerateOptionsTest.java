package dev.strata.codegen;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegenerateOptionsTest {

    @Test
    void defaultsAreTheUsualProjectLayout() {
        RegenerateOptions options = RegenerateOptions.parse(new String[] {"--package", "com.example.db"});
        CodegenSettings settings = options.settings();
        assertThat(settings.packageName()).isEqualTo("com.example.db");
        assertThat(settings.migrations()).containsExactly(Path.of("src/main/resources/db/migration").toAbsolutePath());
        assertThat(settings.outputDirectory()).isEqualTo(Path.of("target/generated-sources/strata").toAbsolutePath());
        assertThat(settings.schemas()).containsExactly("public");
        assertThat(settings.postgresVersion()).isEmpty();
        assertThat(options.force()).isFalse();
        assertThat(options.check()).isFalse();
    }

    @Test
    void everySettingHasAnOption() {
        CodegenSettings settings = RegenerateOptions.parse(new String[] {"--package=a.b", "--migrations=/m1,/m2",
                "--output=/out", "--schemas=app,audit", "--includes=orders?", "--excludes=tmp_.*,old_.*",
                "--postgres-version=16"}).settings();
        assertThat(settings.migrations()).containsExactly(Path.of("/m1"), Path.of("/m2"));
        assertThat(settings.outputDirectory()).isEqualTo(Path.of("/out"));
        assertThat(settings.schemas()).containsExactly("app", "audit");
        assertThat(settings.includes()).containsExactly("orders?");
        assertThat(settings.excludes()).containsExactly("tmp_.*", "old_.*");
        assertThat(settings.postgresVersion()).isEqualTo(Optional.of("16"));
    }

    @Test
    void forceAndCheckAcceptTheValuesMavenPasses() {
        assertThat(RegenerateOptions.parse(new String[] {"--package=a", "--force"}).force()).isTrue();
        assertThat(RegenerateOptions.parse(new String[] {"--package=a", "--force="}).force()).as("-Dforce").isTrue();
        assertThat(RegenerateOptions.parse(new String[] {"--package=a", "--force=false"}).force()).isFalse();
        assertThat(RegenerateOptions.parse(new String[] {"--package=a", "--check"}).check()).isTrue();
        assertThatThrownBy(() -> RegenerateOptions.parse(new String[] {"--package=a", "--force=maybe"}))
                .hasMessageContaining("true or false");
    }

    @Test
    void badArgumentsPrintTheUsageAndExitWith2() {
        assertThat(usageError("--frobnicate")).contains("unknown argument '--frobnicate'").contains("Usage:");
        assertThat(usageError("--output=/x")).contains("--package is required");
        assertThat(usageError("--package=9lives")).contains("invalid code generation setting package: 9lives")
                .contains("hint: use a Java package name");
        assertThatThrownBy(() -> RegenerateOptions.parse(new String[] {"--output"})).hasMessage("--output needs a value");
        assertThat(RegenerateOptions.wantsHelp(new String[] {"--output=/x", "--help"})).isTrue();
        assertThat(List.of(RegenerateOptions.USAGE)).allSatisfy(usage -> assertThat(usage).contains("--package=<name>"));
    }

    private static String usageError(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Regenerate.run(args, TestPostgres.noDatabaseExpected(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(Regenerate.USAGE);
        return err.toString(StandardCharsets.UTF_8);
    }
}

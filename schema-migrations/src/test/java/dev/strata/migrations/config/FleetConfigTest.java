package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.migrations.core.FailurePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [[targets]]} and {@code [fleet]}: entries, the password variable, discovery keys, bad values. */
class FleetConfigTest {
    @TempDir
    Path dir;

    private FleetConfig load(String toml, Map<String, String> environment) throws IOException {
        Path file = Files.writeString(dir.resolve("strata.toml"), toml);
        return ConfigLoader.load(Optional.of(file), environment, Optional.empty()).fleet();
    }

    @Test
    void noFleetByDefault() throws IOException {
        FleetConfig fleet = load("[database]\nurl = \"postgresql://app@db/app\"\n", Map.of());

        assertThat(fleet.hasTargets()).isFalse();
        assertThat(fleet.parallel()).isEqualTo(4);
        assertThat(fleet.onFailure()).isEqualTo(FailurePolicy.CONTINUE);
        assertThat(fleet.includePublic()).isFalse();
    }

    @Test
    void declaredTargetsKeepTheirOrderAndReadTheirPasswordFromTheVariableTheyName() throws IOException {
        FleetConfig fleet = load("""
                [[targets]]
                name = "acme"
                url = "postgresql://deploy@db1/acme"
                password_variable = "ACME_DB_PASSWORD"

                [[targets]]
                name = "globex"
                schema = "tenant_globex"
                """, Map.of("ACME_DB_PASSWORD", "s3cret-acme"));

        assertThat(fleet.targets()).extracting(DeclaredTarget::name).containsExactly("acme", "globex");
        DeclaredTarget acme = fleet.targets().get(0);
        assertThat(acme.password()).contains("s3cret-acme");
        assertThat(acme.url().orElseThrow().jdbcUrl()).startsWith("jdbc:postgresql://db1").endsWith("/acme");
        assertThat(acme.toString()).doesNotContain("s3cret-acme");
        assertThat(fleet.targets().get(1).schema()).contains("tenant_globex");
        assertThat(fleet.targets().get(1).url()).isEmpty();
    }

    @Test
    void fleetSectionFromTheFileAndTheEnvironment() throws IOException {
        FleetConfig fleet = load("[fleet]\nschemas = \"tenant_*\"\nparallel = 8\ninclude_public = true\n",
                Map.of("STRATA_FLEET__ON_FAILURE", "stop", "STRATA_FLEET__QUERY", "select name, url from tenants"));

        assertThat(fleet.schemas()).contains("tenant_*");
        assertThat(fleet.query()).contains("select name, url from tenants");
        assertThat(fleet.parallel()).isEqualTo(8);
        assertThat(fleet.onFailure()).isEqualTo(FailurePolicy.STOP);
        assertThat(fleet.includePublic()).isTrue();
    }

    @Test
    void aMissingPasswordVariableIsAnErrorNamingTheTargetAndTheVariable() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> load(
                "[[targets]]\nname = \"acme\"\npassword_variable = \"ACME_DB_PASSWORD\"\n", Map.of()));

        assertThat(e.getMessage()).contains("('acme')").contains("ACME_DB_PASSWORD, which is not set");
    }

    @Test
    void badEntriesAreRefusedWithTheirLine() {
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> load(
                "[[targets]]\nname = \"a\"\nshema = \"x\"\n", Map.of())).getMessage())
                .contains("unknown key 'shema'").contains("strata.toml:3");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> load(
                "[[targets]]\nurl = \"postgresql://db/a\"\n", Map.of())).getMessage()).contains("has no name");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> load(
                "[[targets]]\nname = \"a\"\n[[targets]]\nname = \"a\"\n", Map.of())).getMessage())
                .contains("two targets are named 'a'");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> load(
                "[[targets]]\nname = \"a\"\nurl = \"postgresql://u:hunter22@db/a?x=%\"\n", Map.of())).getMessage())
                .doesNotContain("hunter22");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> load(
                "[fleet]\nparallel = 0\n", Map.of())).getMessage()).contains("a number from 1 to 64");
        assertThat(catchThrowableOfType(ConfigurationException.class, () -> load(
                "[fleet]\non_failure = \"skip\"\n", Map.of())).getMessage())
                .contains("expected \"continue\" or \"stop\"");
    }
}

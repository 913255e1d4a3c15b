package dev.strata.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The POM's values are defaults; the build's STRATA_* variables beat them, as they beat a configuration file. */
class CliEnvironmentTest {

    @Test
    void pomValuesBecomeStrataVariablesThatTheEnvironmentOverrides() {
        MigrateMojo mojo = new MigrateMojo();
        mojo.url = "postgresql://db.example:5432/orders";
        mojo.user = "app";
        mojo.password = "from-the-pom";
        mojo.locations = List.of("filesystem:db/a", "classpath:db/b");
        mojo.configFile = new File("/project/strata.toml");

        Map<String, String> environment = mojo.environment(Map.of("STRATA_DATABASE__PASSWORD", "from-the-environment",
                "PATH", "/usr/bin"));

        assertThat(environment).containsEntry("STRATA_DATABASE__URL", "postgresql://db.example:5432/orders")
                .containsEntry("STRATA_DATABASE__USER", "app")
                .containsEntry("STRATA_DATABASE__PASSWORD", "from-the-environment")
                .containsEntry("STRATA_MIGRATIONS__LOCATIONS", "filesystem:db/a,classpath:db/b")
                .containsEntry("STRATA_CONFIG", new File("/project/strata.toml").getAbsolutePath())
                .containsEntry("PATH", "/usr/bin");
        assertThat(mojo.command()).isEqualTo("migrate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "validate", "plan"})
    void everyGoalWithTheLintGatePassesItsScratchUrlAsAnOption(String goal) {
        AbstractLintGatedMojo mojo = switch (goal) {
            case "migrate" -> new MigrateMojo();
            case "validate" -> new ValidateMojo();
            default -> new PlanMojo();
        };
        assertThat(mojo.command()).isEqualTo(goal);
        assertThat(mojo.options()).as("unset: the gate's embedded scratch server").isEmpty();

        mojo.scratchUrl = "postgresql://ci@scratch.example:5432/postgres";

        assertThat(mojo.options()).containsExactly("--scratch-url", "postgresql://ci@scratch.example:5432/postgres");
        assertThat(mojo.environment(Map.of())).doesNotContainValue("postgresql://ci@scratch.example:5432/postgres");
    }

    /** The descriptor Maven reads: each gated goal takes scratchUrl, and -Dstrata.scratchUrl sets it. */
    @Test
    void thePluginDescriptorGivesScratchUrlToExactlyTheGoalsWithTheLintGate() throws Exception {
        Path classes = Path.of(MigrateMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(classes.resolve("META-INF/maven/plugin.xml").toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();

        for (String goal : List.of("migrate", "validate", "plan")) {
            String mojo = "/plugin/mojos/mojo[goal='" + goal + "']";
            assertThat(xpath.evaluate(mojo + "/parameters/parameter[name='scratchUrl']/editable", descriptor))
                    .as(goal).isEqualTo("true");
            assertThat(xpath.evaluate(mojo + "/configuration/scratchUrl", descriptor)).as(goal)
                    .isEqualTo("${strata.scratchUrl}");
        }
        for (String goal : List.of("status", "diff")) {
            assertThat(xpath.evaluate("count(/plugin/mojos/mojo[goal='" + goal
                    + "']/parameters/parameter[name='scratchUrl'])", descriptor)).as(goal).isEqualTo("0");
        }
    }

    @Test
    void unsetPomValuesLeaveTheKeysUnset() {
        Map<String, String> environment = new StatusMojo().environment(Map.of());
        assertThat(environment).isEmpty();
    }

    @Test
    void diffExcludesBecomeExcludeOptionsSoThatCommasInASignatureSurvive() {
        DiffMojo mojo = new DiffMojo();
        mojo.excludes = List.of("table:public.flyway_schema_history", "function:public.f(integer, text)");

        assertThat(mojo.options()).containsExactly("--exclude", "table:public.flyway_schema_history",
                "--exclude", "function:public.f(integer, text)");
        assertThat(new DiffMojo().options()).isEmpty();
    }
}

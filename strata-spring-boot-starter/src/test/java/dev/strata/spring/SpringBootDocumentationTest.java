package dev.strata.spring;

import com.jayway.jsonpath.JsonPath;
import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.config.ConfigKey;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spring-boot.md's properties table is written by hand; this keeps it equal to what the configuration processor
 * generated from {@link StrataProperties} (names and defaults), and the properties equal to the engine's keys.
 */
class SpringBootDocumentationTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(strata\\.[a-z-]+)` \\|([^|]+)\\|([^|]*)\\|",
            Pattern.MULTILINE);

    @Test
    void thePropertiesTableHasEveryPropertyOfTheMetadataWithItsDefaultAndEngineKey() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Map<String, String> engineKeys = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(projectRoot().resolve("docs/spring-boot.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
            engineKeys.put(row.group(1), row.group(3).strip().replace("`", ""));
        }

        Map<String, String> metadata = metadataDefaults();
        assertThat(documented.keySet()).as("properties in docs/spring-boot.md")
                .containsExactlyInAnyOrderElementsOf(metadata.keySet());
        metadata.forEach((property, defaultValue) -> assertThat(documented.get(property))
                .as("default of %s in docs/spring-boot.md", property).isEqualTo(defaultValue));
        for (StrataPropertyKeys.Mapping mapping : StrataPropertyKeys.MAPPINGS) {
            assertThat(engineKeys.get(mapping.property())).as("engine key of %s", mapping.property())
                    .isEqualTo(mapping.key().qualifiedName());
        }
    }

    @Test
    void everyMigrationsKeyOfTheEngineHasAPropertyWithTheEnginesDefault() {
        for (ConfigKey key : ConfigKey.values()) {
            // migrations.lint is the CLI's gate: it needs a scratch database, which an application never starts.
            if (key.section() == ConfigKey.Section.MIGRATIONS && key != ConfigKey.MIGRATIONS_LINT) {
                assertThat(StrataPropertyKeys.forKey(key)).as("a strata.* property for %s", key.qualifiedName())
                        .isPresent();
            }
        }
        // The properties' initial values are the engine's defaults: unset, a property changes nothing.
        assertThat(StrataPropertyKeys.migrationSettings(new StrataProperties())).isEqualTo(MigrationSettings.defaults());
    }

    /** Each strata.* property of the generated metadata, with its default as the table writes it. */
    private static Map<String, String> metadataDefaults() throws IOException {
        try (InputStream json = SpringBootDocumentationTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("the configuration processor's metadata").isNotNull();
            List<Map<String, Object>> properties = JsonPath.read(new String(json.readAllBytes(),
                    StandardCharsets.UTF_8), "$.properties[?(@.name =~ /strata\\..*/)]");
            Map<String, String> defaults = new LinkedHashMap<>();
            for (Map<String, Object> property : properties) {
                defaults.put((String) property.get("name"), shown(property));
            }
            return defaults;
        }
    }

    private static String shown(Map<String, Object> property) {
        Object value = property.get("defaultValue");
        if (value == null) {
            return property.get("type").equals("java.time.Duration") ? "(server's)" : "(found)";
        }
        if (value instanceof List<?> list) {
            return "`" + String.join(",", list.stream().map(Object::toString).toList()) + "`";
        }
        return "`" + value + "`";
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("strata.projectRoot", ".."));
    }
}

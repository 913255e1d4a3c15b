package dev.strata.spring;

import com.jayway.jsonpath.JsonPath;
import dev.strata.migrations.config.ConfigKey;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spring-boot.md's two properties tables and the IDE metadata are written by hand; this keeps them equal to what
 * they describe: the starter's own table to the metadata the configuration processor generated from
 * {@link StrataProperties}, and the engine's table and the metadata of the engine's properties
 * ({@code additional-spring-configuration-metadata.json}) to {@link ConfigKey} through {@link StrataPropertyKeys}.
 */
class SpringBootDocumentationTest {
    private static final Pattern STARTER_ROW = Pattern.compile("^\\| `(strata\\.[a-z-]+)` \\|([^|]+)\\|[^|]*\\|$",
            Pattern.MULTILINE);
    private static final Pattern ENGINE_ROW = Pattern.compile(
            "^\\| `(strata\\.[a-z.-]+)` \\|([^|]*)\\|([^|]+)\\|([^|]+)\\|[^|]+\\|$", Pattern.MULTILINE);
    private static final List<String> STARTER_PROPERTIES = List.of("strata.enabled", "strata.verify-at-start",
            "strata.schema-version-class", "strata.allow-other-migration-tools");

    private static String page;
    private static List<Map<String, Object>> metadata;

    @BeforeAll
    static void read() throws IOException {
        page = Files.readString(Path.of(System.getProperty("strata.projectRoot", "..")).resolve("docs/spring-boot.md"));
        try (InputStream json = SpringBootDocumentationTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("the configuration processor's metadata").isNotNull();
            metadata = JsonPath.read(new String(json.readAllBytes(), StandardCharsets.UTF_8),
                    "$.properties[?(@.name =~ /strata\\..*/)]");
        }
    }

    @Test
    void theEngineTableHasARowPerOfferedKeyWithItsDerivedNameEarlierNameAndDefault() {
        List<List<String>> documented = new ArrayList<>();
        Matcher row = ENGINE_ROW.matcher(page);
        while (row.find()) {
            documented.add(List.of(row.group(1), row.group(2).strip().replace("`", ""), row.group(3).strip(),
                    row.group(4).strip().replace("`", "")));
        }
        List<List<String>> derived = StrataPropertyKeys.offered().stream().map(key -> List.of(
                StrataPropertyKeys.property(key), StrataPropertyKeys.EARLIER_NAMES.getOrDefault(key, ""),
                key.defaultValue().map(value -> "`" + value + "`").orElse("(unset)"), key.qualifiedName())).toList();
        assertThat(documented).as("rows of the engine's table in docs/spring-boot.md (property, earlier name,"
                + " default, strata.toml key), in ConfigKey's order").isEqualTo(derived);
    }

    @Test
    void theStarterTableHasEveryStarterPropertyOfTheMetadataWithItsDefault() {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = STARTER_ROW.matcher(page);
        while (row.find()) {
            documented.put(row.group(1), row.group(2).strip());
        }
        Map<String, String> generated = new LinkedHashMap<>();
        for (Map<String, Object> property : metadata) {
            if (STARTER_PROPERTIES.contains((String) property.get("name"))) {
                generated.put((String) property.get("name"), shown(property));
            }
        }
        assertThat(documented).as("the starter's table in docs/spring-boot.md").isEqualTo(generated);
        assertThat(generated.keySet()).containsExactlyInAnyOrderElementsOf(STARTER_PROPERTIES);
    }

    @Test
    void theMetadataOffersEveryDerivedAndEarlierNameWithItsTypeAndTheEnginesDefault() {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        metadata.forEach(property -> byName.put((String) property.get("name"), property));
        List<String> expected = new ArrayList<>(STARTER_PROPERTIES);
        for (ConfigKey key : StrataPropertyKeys.offered()) {
            for (String name : StrataPropertyKeys.names(key)) {
                expected.add(name);
                Map<String, Object> property = byName.get(name);
                assertThat(property).as("metadata of %s (additional-spring-configuration-metadata.json)", name)
                        .isNotNull();
                assertThat(property.get("type")).as("type of %s", name).isEqualTo(javaType(key));
                assertThat(defaultOf(property)).as("default of %s", name).isEqualTo(key.defaultValue().orElse(null));
                assertThat((String) property.get("description")).as("description of %s", name)
                        .endsWith("(" + key.qualifiedName() + " in strata.toml)");
            }
        }
        assertThat(byName.keySet()).as("strata.* properties of the metadata").containsExactlyInAnyOrderElementsOf(
                expected);
    }

    @Test
    void everyKeyNotOfferedSaysWhyAndTheDocsNameIt() {
        StrataPropertyKeys.NOT_OFFERED.forEach((key, reason) -> {
            assertThat(reason).as("why %s is not a property", key.qualifiedName()).isNotBlank();
            String named = key.section() == ConfigKey.Section.DATABASE ? "`" + key.qualifiedName() + "`"
                    : "`[" + key.section().tomlName() + "]`";
            assertThat(page).as("docs/spring-boot.md names %s among the keys not offered", key.qualifiedName())
                    .contains(named);
        });
        assertThat(StrataPropertyKeys.offered()).as("the keys the starter has always offered").contains(
                ConfigKey.DATABASE_AUTO_MIGRATE, ConfigKey.MIGRATIONS_LOCATIONS, ConfigKey.MIGRATIONS_LINT);
    }

    private static String javaType(ConfigKey key) {
        return switch (key.type()) {
            case STRING, SECRET -> "java.lang.String";
            case INTEGER -> "java.lang.Long";
            case BOOLEAN -> "java.lang.Boolean";
            case DURATION -> "java.time.Duration";
            case LIST -> "java.util.List<java.lang.String>";
        };
    }

    /** The default as ConfigKey writes it: a list as its comma-separated items. */
    private static String defaultOf(Map<String, Object> property) {
        Object value = property.get("defaultValue");
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(Object::toString).toList());
        }
        return value == null ? null : value.toString();
    }

    private static String shown(Map<String, Object> property) {
        Object value = property.get("defaultValue");
        return value == null ? "(found)" : "`" + value + "`";
    }
}

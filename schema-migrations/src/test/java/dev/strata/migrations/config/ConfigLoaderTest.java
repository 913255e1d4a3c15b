package dev.strata.migrations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strata.migrations.MigrationSettings;
import dev.strata.migrations.core.Location;
import dev.strata.migrations.core.SchemaTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final String SECRET = "hunter2-S3cret";

    @TempDir
    Path dir;

    private Path toml(String content) throws IOException {
        return Files.writeString(dir.resolve("strata.toml"), content);
    }

    private static StrataConfig load(Path file) {
        return ConfigLoader.load(Optional.of(file), Map.of(), Optional.empty());
    }

    private static StrataConfig load(Map<String, String> environment) {
        return ConfigLoader.load(Optional.empty(), environment, Optional.empty());
    }

    private static ConfigurationException failure(Runnable load) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, load::run);
        assertThat(e).as("expected a ConfigurationException").isNotNull();
        return e;
    }

    private static ConfigurationException loadFailure(Path file) {
        return failure(() -> load(file));
    }

    private static ConfigurationException loadFailure(Map<String, String> environment) {
        return failure(() -> load(environment));
    }

    @Nested
    class Sources {
        @Test
        void defaultsWhenNothingIsGiven() {
            StrataConfig config = load(Map.of());

            DatabaseSettings database = config.database();
            assertThat(database.url()).isEmpty();
            assertThat(database.user()).isEmpty();
            assertThat(database.password()).isEmpty();
            assertThat(database.poolSize()).isEqualTo(10);
            assertThat(database.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(database.autoMigrate()).isFalse();

            MigrationSettings migrations = config.migrations();
            assertThat(migrations).isEqualTo(MigrationSettings.defaults());
            assertThat(migrations.locations()).containsExactly(new Location.Classpath("db/migration"));
            assertThat(migrations.historyTable()).isEqualTo(new SchemaTable("public", "strata_schema_history"));
            assertThat(migrations.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(migrations.outOfOrder()).isFalse();

            assertThat(config.file()).isEmpty();
        }

        @Test
        void valuesFromTheFile() throws IOException {
            Path file = toml("""
                    # Strata configuration
                    [database]
                    url = "postgresql://app@db.internal:5433/orders"
                    password = "pw"
                    pool_size = 25
                    connect_timeout = "5s"
                    auto_migrate = true

                    [migrations]
                    locations = ["filesystem:sql/migrations", "classpath:db/extra"]
                    schema = "audit"
                    table = "history"
                    lock_timeout = "2m"
                    out_of_order = true
                    """);

            StrataConfig config = load(file);

            DatabaseSettings database = config.database();
            assertThat(database.url()).get().extracting(DatabaseUrl::jdbcUrl)
                    .isEqualTo("jdbc:postgresql://db.internal:5433/orders");
            assertThat(database.effectiveUser()).contains("app");
            assertThat(database.effectivePassword()).contains("pw");
            assertThat(database.poolSize()).isEqualTo(25);
            assertThat(database.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(database.autoMigrate()).isTrue();

            MigrationSettings migrations = config.migrations();
            assertThat(migrations.locations()).containsExactly(
                    new Location.Filesystem(Path.of("sql/migrations")), new Location.Classpath("db/extra"));
            assertThat(migrations.historyTable()).isEqualTo(new SchemaTable("audit", "history"));
            assertThat(migrations.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(migrations.outOfOrder()).isTrue();

            assertThat(config.file()).contains(file);
        }

        @Test
        void partialFileKeepsDefaultsForTheRest() throws IOException {
            StrataConfig config = load(toml("[migrations]\nschema = \"ops\"\n"));

            assertThat(config.migrations().historyTable()).isEqualTo(new SchemaTable("ops", "strata_schema_history"));
            assertThat(config.database().poolSize()).isEqualTo(10);
        }

        @Test
        void emptyFileMeansDefaults() throws IOException {
            StrataConfig config = load(toml(""));

            assertThat(config.migrations()).isEqualTo(MigrationSettings.defaults());
        }

        @Test
        void environmentBeatsFile() throws IOException {
            Path file = toml("""
                    [database]
                    url = "postgresql://file-host/db"
                    pool_size = 5
                    [migrations]
                    lock_timeout = 30
                    """);

            StrataConfig config = ConfigLoader.load(Optional.of(file), Map.of(
                    "STRATA_DATABASE__URL", "postgresql://env-host/db",
                    "STRATA_DATABASE__POOL_SIZE", "7"), Optional.empty());

            assertThat(config.database().url()).get().extracting(DatabaseUrl::jdbcUrl)
                    .isEqualTo("jdbc:postgresql://env-host/db");
            assertThat(config.database().poolSize()).isEqualTo(7);
            assertThat(config.migrations().lockTimeout()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void urlOptionBeatsEnvironmentAndFile() throws IOException {
            Path file = toml("[database]\nurl = \"postgresql://file-host/db\"\n");

            StrataConfig config = ConfigLoader.load(Optional.of(file),
                    Map.of("STRATA_DATABASE__URL", "postgresql://env-host/db"),
                    Optional.of("postgresql://cli-host/db"));

            assertThat(config.database().url()).get().extracting(DatabaseUrl::jdbcUrl)
                    .isEqualTo("jdbc:postgresql://cli-host/db");
        }

        @Test
        void badUrlOptionIsReportedAsComingFromTheOption() {
            ConfigurationException e = failure(
                    () -> ConfigLoader.load(Optional.empty(), Map.of(), Optional.of("mysql://h/db")));

            assertThat(e.getMessage()).contains("database.url (from --url)");
        }

        @Test
        void strataConfigVariableNamesTheFile() throws IOException {
            Path file = toml("[database]\npool_size = 3\n");

            StrataConfig config = load(Map.of("STRATA_CONFIG", file.toString()));

            assertThat(config.database().poolSize()).isEqualTo(3);
            assertThat(config.file()).contains(file);
        }

        @Test
        void configOptionBeatsStrataConfigVariable() throws IOException {
            Path chosen = toml("[database]\npool_size = 3\n");
            Path other = Files.writeString(dir.resolve("other.toml"), "[database]\npool_size = 4\n");

            StrataConfig config = ConfigLoader.load(Optional.of(chosen), Map.of("STRATA_CONFIG", other.toString()),
                    Optional.empty());

            assertThat(config.database().poolSize()).isEqualTo(3);
            assertThat(config.file()).contains(chosen);
        }

        @Test
        void blankStrataConfigVariableIsAnErrorNotNoFile() {
            assertThat(loadFailure(Map.of("STRATA_CONFIG", "")).getMessage()).isEqualTo("STRATA_CONFIG is set but empty");
            assertThat(loadFailure(Map.of("STRATA_CONFIG", "  ")).hint()).contains("unset STRATA_CONFIG");
        }

        @Test
        void missingFileNamesThePathAndWhoNamedIt() {
            Path missing = dir.resolve("nope.toml");

            assertThat(failure(() -> load(missing)).getMessage())
                    .isEqualTo("configuration file " + missing + " (named by --config) does not exist");
            assertThat(loadFailure(Map.of("STRATA_CONFIG", missing.toString())).getMessage())
                    .isEqualTo("configuration file " + missing + " (named by STRATA_CONFIG) does not exist");
        }

        @Test
        void unrelatedEnvironmentVariablesAreIgnored() {
            StrataConfig config = load(Map.of("PATH", "/usr/bin", "STRATA_HOME", "/opt/strata",
                    "DATABASE__URL", "x", "OTHER_DATABASE__URL", "y"));

            assertThat(config.database().url()).isEmpty();
        }
    }

    @Nested
    class Codegen {
        @Test
        void theCodegenSectionIsReadFromFileAndEnvironment() throws IOException {
            Path file = toml("[codegen]\npackage = \"com.example.db\"\nschemas = [\"app\", \"audit\"]\n"
                    + "excludes = [\"tmp_.*\"]\n");

            CodegenConfig codegen = ConfigLoader.load(Optional.of(file),
                    Map.of("STRATA_CODEGEN__OUTPUT", "src/generated/java"), Optional.empty()).codegen();

            assertThat(codegen.packageName()).contains("com.example.db");
            assertThat(codegen.output()).isEqualTo("src/generated/java");
            assertThat(codegen.schemas()).containsExactly("app", "audit");
            assertThat(codegen.includes()).isEmpty();
            assertThat(codegen.excludes()).containsExactly("tmp_.*");
            assertThat(codegen.postgresVersion()).isEmpty();
        }

        @Test
        void withoutTheSectionEveryKeyHasItsDefault() {
            assertThat(load(Map.of()).codegen()).isEqualTo(CodegenConfig.UNSET);
            assertThat(CodegenConfig.UNSET.output()).isEqualTo("target/generated-sources/strata");
            assertThat(CodegenConfig.UNSET.schemas()).containsExactly("public");
        }
    }

    @Nested
    class FileErrors {
        @Test
        void unknownKeyNamesKeyFileAndLine() throws IOException {
            Path file = toml("""
                    [database]
                    url = "postgresql://h/db"
                    pool = 5
                    """);

            ConfigurationException e = loadFailure(file);

            assertThat(e.getMessage()).isEqualTo("unknown key 'pool' in [database] at " + file + ":3");
            assertThat(e.hint()).contains("pool_size").contains("url");
        }

        @Test
        void unknownKeyInMigrationsSection() throws IOException {
            Path file = toml("[migrations]\n\nbaseline = 1\n");

            assertThat(loadFailure(file).getMessage())
                    .isEqualTo("unknown key 'baseline' in [migrations] at " + file + ":3");
        }

        @Test
        void unknownSection() throws IOException {
            Path file = toml("[database]\npool_size = 2\n\n[flyway]\nlocations = []\n");

            ConfigurationException e = loadFailure(file);

            assertThat(e.getMessage()).startsWith("unknown section [flyway] at " + file + ":");
            assertThat(e.hint()).contains("[database]").contains("[migrations]");
        }

        @Test
        void topLevelKeyOutsideASection() throws IOException {
            Path file = toml("url = \"postgresql://h/db\"\n[database]\n");

            ConfigurationException e = loadFailure(file);

            assertThat(e.getMessage()).startsWith("unknown top-level key 'url' at " + file + ":1")
                    .contains("[database], [migrations], [codegen]");
        }

        @Test
        void invalidTomlNamesFileLineAndColumn() throws IOException {
            Path file = toml("[database]\npool_size = 10\nurl = postgresql://h/db\n");

            assertThat(loadFailure(file).getMessage()).startsWith(file + ":3:7: invalid TOML: ");
        }

        @Test
        void duplicateKeyIsInvalidToml() throws IOException {
            Path file = toml("[database]\npool_size = 1\npool_size = 2\n");

            assertThat(loadFailure(file).getMessage()).startsWith(file + ":3:1: invalid TOML: ");
        }

        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    arguments("[database]\npool_size = \"ten\"", "database.pool_size", 2, "'ten'", "a whole number"),
                    arguments("[migrations]\nlock_timeout = \"soon\"", "migrations.lock_timeout", 2, "'soon'",
                            "a duration"),
                    arguments("[migrations]\nout_of_order = \"yes\"", "migrations.out_of_order", 2, "'yes'",
                            "true or false"),
                    arguments("[migrations]\nlocations = [1]", "migrations.locations", 2, "a number",
                            "an array of non-empty strings"),
                    arguments("[migrations]\n\nlocations = 5", "migrations.locations", 3, "a number",
                            "an array of strings"),
                    arguments("[database]\nauto_migrate = 1", "database.auto_migrate", 2, "is 1", "true or false"),
                    arguments("[database]\nurl = 5", "database.url", 2, "a number", "a string"),
                    arguments("[database]\npool_size = 2.5", "database.pool_size", 2, "2.5", "a whole number"),
                    arguments("[migrations]\nlock_timeout = -5", "migrations.lock_timeout", 2, "negative",
                            "a duration"),
                    arguments("[migrations]\nschema = \"\"", "migrations.schema", 2, "empty", "a non-empty string"),
                    arguments("[migrations]\nlocations = []", "migrations.locations", 2, "empty",
                            "at least one entry"));
        }

        @ParameterizedTest(name = "{1} {3}")
        @MethodSource("wrongTypes")
        void wrongTypesNameTheKeyAndItsOrigin(String content, String key, int line, String shown, String expected)
                throws IOException {
            Path file = toml(content);

            ConfigurationException e = loadFailure(file);

            assertThat(e.getMessage())
                    .startsWith(key + " (from " + file + ":" + line + ") ")
                    .contains(shown)
                    .contains("expected " + expected);
            assertThat(e.hint()).isEqualTo("fix " + key.substring(key.indexOf('.') + 1) + " in " + file + ":" + line);
        }

        @Test
        void poolSizeMustBePositive() throws IOException {
            Path file = toml("[database]\npool_size = 0\n");

            assertThat(loadFailure(file).getMessage())
                    .isEqualTo("database.pool_size (from " + file + ":2) is 0: expected a number from 1 to 1000");
        }

        @Test
        void poolSizeHasAnUpperBound() throws IOException {
            assertThat(loadFailure(toml("[database]\npool_size = 1001\n")).getMessage()).contains("is 1001");
            assertThat(load(toml("[database]\npool_size = 1000\n")).database().poolSize()).isEqualTo(1000);
        }

        @Test
        void connectTimeoutBelowOneSecondIsRejected() throws IOException {
            assertThat(loadFailure(toml("[database]\nconnect_timeout = \"500ms\"\n")).getMessage())
                    .contains("database.connect_timeout").contains("is 500 ms").contains("at least 1s");
        }

        @Test
        void invalidHistoryTableNameNamesBothOrigins() throws IOException {
            Path file = toml("[migrations]\ntable = \"bad-name\"\n");

            assertThat(loadFailure(file).getMessage()).contains("invalid table name 'bad-name'")
                    .contains("the default / " + file + ":2");
        }

        @Test
        void invalidLocationNamesTheKey() throws IOException {
            Path file = toml("[migrations]\nlocations = [\"db/migration\"]\n");

            assertThat(loadFailure(file).getMessage())
                    .startsWith("migrations.locations (from " + file + ":2) holds an invalid location 'db/migration'");
        }
    }

    @Nested
    class Environment {
        @Test
        void unknownVariableIsNamed() {
            ConfigurationException e = loadFailure(Map.of("STRATA_DATABASE__URLL", "postgresql://h/db"));

            assertThat(e.getMessage()).isEqualTo("unknown environment variable STRATA_DATABASE__URLL"
                    + " (did you mean STRATA_DATABASE__URL?)");
            assertThat(e.hint()).contains("STRATA_DATABASE__URL").contains("STRATA_MIGRATIONS__LOCK_TIMEOUT");
        }

        @Test
        void variableNamesAreCaseSensitive() {
            assertThat(loadFailure(Map.of("STRATA_database__url", "x")).getMessage()).contains("STRATA_database__url");
        }

        @Test
        void everyKeyCanBeSetFromTheEnvironment() {
            StrataConfig config = load(Map.of(
                    "STRATA_DATABASE__URL", "postgres://h/db",
                    "STRATA_DATABASE__USER", "u",
                    "STRATA_DATABASE__PASSWORD", "p",
                    "STRATA_DATABASE__POOL_SIZE", " 4 ",
                    "STRATA_DATABASE__CONNECT_TIMEOUT", "3",
                    "STRATA_DATABASE__AUTO_MIGRATE", "TRUE",
                    "STRATA_MIGRATIONS__LOCATIONS", "classpath:a, filesystem:/b ,",
                    "STRATA_MIGRATIONS__SCHEMA", "s",
                    "STRATA_MIGRATIONS__TABLE", "t",
                    "STRATA_MIGRATIONS__LOCK_TIMEOUT", "1h"));

            assertThat(config.database().effectiveUser()).contains("u");
            assertThat(config.database().effectivePassword()).contains("p");
            assertThat(config.database().poolSize()).isEqualTo(4);
            assertThat(config.database().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(config.database().autoMigrate()).isTrue();
            assertThat(config.migrations().locations()).containsExactly(
                    new Location.Classpath("a"), new Location.Filesystem(Path.of("/b")));
            assertThat(config.migrations().historyTable()).isEqualTo(new SchemaTable("s", "t"));
            assertThat(config.migrations().lockTimeout()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void wrongValueNamesTheVariable() {
            ConfigurationException e = loadFailure(Map.of("STRATA_MIGRATIONS__OUT_OF_ORDER", "yes"));

            assertThat(e.getMessage()).isEqualTo("migrations.out_of_order (from environment variable"
                    + " STRATA_MIGRATIONS__OUT_OF_ORDER) is 'yes': expected true or false");
        }

        @Test
        void blankLocationsVariableIsRejected() {
            assertThat(loadFailure(Map.of("STRATA_MIGRATIONS__LOCATIONS", " , ")).getMessage())
                    .contains("migrations.locations").contains("is empty");
        }
    }

    @Nested
    class Durations {
        private Duration lockTimeout(String tomlValue) throws IOException {
            return load(toml("[migrations]\nlock_timeout = " + tomlValue + "\n")).migrations().lockTimeout();
        }

        @Test
        void unitsAndBareNumbers() throws IOException {
            assertThat(lockTimeout("\"500ms\"")).isEqualTo(Duration.ofMillis(500));
            assertThat(lockTimeout("\"2m\"")).isEqualTo(Duration.ofMinutes(2));
            assertThat(lockTimeout("\"1h\"")).isEqualTo(Duration.ofHours(1));
            assertThat(lockTimeout("\"45s\"")).isEqualTo(Duration.ofSeconds(45));
            assertThat(lockTimeout("\"10 s\"")).isEqualTo(Duration.ofSeconds(10));
            assertThat(lockTimeout("30")).isEqualTo(Duration.ofSeconds(30));
            assertThat(lockTimeout("\"30\"")).isEqualTo(Duration.ofSeconds(30));
            assertThat(lockTimeout("0")).isEqualTo(Duration.ZERO);
        }

        @Test
        void fromTheEnvironment() {
            assertThat(load(Map.of("STRATA_MIGRATIONS__LOCK_TIMEOUT", "250ms")).migrations().lockTimeout())
                    .isEqualTo(Duration.ofMillis(250));
            assertThat(load(Map.of("STRATA_MIGRATIONS__LOCK_TIMEOUT", "90")).migrations().lockTimeout())
                    .isEqualTo(Duration.ofSeconds(90));
        }

        @Test
        void unknownUnitsAreRejected() throws IOException {
            for (String bad : List.of("\"5d\"", "\"1.5s\"", "\"s\"", "\"\"", "\"-5s\"", "true")) {
                Path file = toml("[migrations]\nlock_timeout = " + bad + "\n");
                assertThat(loadFailure(file).getMessage()).as(bad)
                        .startsWith("migrations.lock_timeout (from " + file + ":2)");
            }
        }
    }

    @Nested
    class Locations {
        @Test
        void tomlArray() throws IOException {
            StrataConfig config = load(toml("""
                    [migrations]
                    locations = [
                      "classpath:db/migration",
                      "filesystem:/srv/migrations",
                    ]
                    """));

            assertThat(config.migrations().locations()).containsExactly(
                    new Location.Classpath("db/migration"), new Location.Filesystem(Path.of("/srv/migrations")));
        }

        @Test
        void singleStringInToml() throws IOException {
            assertThat(load(toml("[migrations]\nlocations = \"filesystem:sql\"\n")).migrations().locations())
                    .containsExactly(new Location.Filesystem(Path.of("sql")));
        }

        @Test
        void commaSeparatedEnvironmentVariable() {
            StrataConfig config = load(Map.of("STRATA_MIGRATIONS__LOCATIONS", "classpath:db/migration,filesystem:sql"));

            assertThat(config.migrations().locations()).containsExactly(
                    new Location.Classpath("db/migration"), new Location.Filesystem(Path.of("sql")));
        }

        @Test
        void environmentReplacesTheFileListInsteadOfAppending() throws IOException {
            Path file = toml("[migrations]\nlocations = [\"classpath:a\", \"classpath:b\"]\n");

            StrataConfig config = ConfigLoader.load(Optional.of(file),
                    Map.of("STRATA_MIGRATIONS__LOCATIONS", "classpath:c"), Optional.empty());

            assertThat(config.migrations().locations()).containsExactly(new Location.Classpath("c"));
        }
    }

    @Nested
    class Secrets {
        @Test
        void passwordFromTheFileIsNotInErrorsAboutOtherKeys() throws IOException {
            List<String> brokenTails = List.of(
                    "pool_size = \"ten\"\n",
                    "pool_size = 0\n",
                    "connect_timeout = \"1ms\"\n",
                    "mystery = 1\n",
                    "url = \"mysql://h/db\"\n",
                    "url = \"postgresql://h:99999/db\"\n",
                    "pool_size = \n",
                    "[flyway]\n",
                    "[migrations]\nlock_timeout = \"soon\"\n");
            for (String tail : brokenTails) {
                Path file = toml("[database]\npassword = \"" + SECRET + "\"\n" + tail);
                ConfigurationException e = loadFailure(file);
                assertThat(e.getMessage()).as(tail).doesNotContain(SECRET);
                assertThat(e.hint()).as(tail).doesNotContain(SECRET);
            }
        }

        @Test
        void invalidPasswordValueIsNotShown() throws IOException {
            for (String value : List.of("\"\"", "42", "[\"" + SECRET + "\"]", "{ a = \"" + SECRET + "\" }")) {
                Path file = toml("[database]\npassword = " + value + "\n");
                ConfigurationException e = loadFailure(file);
                assertThat(e.getMessage()).as(value).startsWith("database.password (from " + file + ":2)")
                        .doesNotContain(SECRET);
            }
        }

        @Test
        void syntaxErrorInThePasswordLineDoesNotShowThePassword() throws IOException {
            for (String line : List.of("password = \"" + SECRET + "\n", "password = " + SECRET + "\n",
                    "password = '" + SECRET + "' x\n")) {
                Path file = toml("[database]\n" + line);
                ConfigurationException e = loadFailure(file);
                assertThat(e.getMessage()).as(line).startsWith(file + ":2:").doesNotContain(SECRET);
            }
        }

        @Test
        void passwordInTheFileUrlIsNotInErrors() throws IOException {
            for (String url : List.of("postgresql://u:" + SECRET + "@h:99999/db",
                    "mysql://u:" + SECRET + "@h/db",
                    "postgresql://h/db?password=" + SECRET + "&port=x",
                    "jdbc:postgresql://h/db?password=" + SECRET + "&bad")) {
                Path file = toml("[database]\nurl = \"" + url + "\"\n");
                ConfigurationException e = loadFailure(file);
                assertThat(e.getMessage()).as(url).contains("database.url (from " + file + ":2)")
                        .doesNotContain(SECRET);
            }
        }

        @Test
        void databaseSettingsToStringHidesPasswords() throws IOException {
            DatabaseSettings fromKey = load(toml("[database]\nurl = \"postgresql://app@h/db\"\npassword = \""
                    + SECRET + "\"\n")).database();
            DatabaseSettings fromUrl = load(toml("[database]\nurl = \"postgresql://app:" + SECRET
                    + "@h/db\"\n")).database();
            DatabaseSettings fromUrlWithAtSign = load(toml("[database]\nurl = \"postgresql://app:p@" + SECRET
                    + "@h/db\"\n")).database();
            DatabaseSettings fromQuery = load(toml("[database]\nurl = \"jdbc:postgresql://h/db?user=app&password="
                    + SECRET + "\"\n")).database();
            DatabaseSettings withoutUrl = load(toml("[database]\nuser = \"app\"\npassword = \"" + SECRET + "\"\n"))
                    .database();

            for (DatabaseSettings settings : List.of(fromKey, fromUrl, fromUrlWithAtSign, fromQuery, withoutUrl)) {
                assertThat(settings.effectivePassword().orElseThrow()).contains(SECRET);
                assertThat(settings.toString()).doesNotContain(SECRET).contains("password=***").contains("user=app");
                assertThat(settings.url().map(Object::toString).orElse("")).doesNotContain(SECRET);
            }
            assertThat(withoutUrl.toString()).contains("url=(embedded)");
        }

        @Test
        void databaseSettingsToStringWithoutPassword() {
            assertThat(load(Map.of()).database().toString()).isEqualTo("DatabaseSettings[url=(embedded),"
                    + " user=(default), password=(none), poolSize=10, connectTimeout=PT10S, autoMigrate=false]");
        }
    }
}

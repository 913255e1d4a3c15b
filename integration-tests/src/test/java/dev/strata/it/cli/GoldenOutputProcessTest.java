package dev.strata.it.cli;

import dev.strata.it.FreshDatabase;
import dev.strata.it.Queries;
import dev.strata.it.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact output of {@code adopt}, {@code diff}, {@code lint}, failures and {@code --targets} runs, text and JSON,
 * through the real jar, against transcripts in {@code src/test/resources/golden/}: a change of wording, key order or
 * layout fails here, so a refactoring of the rendering can show it changed nothing. What differs from run to run
 * (durations, timestamps, paths, server address, user, generated names, sizes) is normalised first. To write the
 * transcripts anew after an intended change: {@code -Dstrata.golden.update=true}, then review the diff.
 */
@ExtendWith(FreshDatabase.class)
class GoldenOutputProcessTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final List<String> JSON = List.of("--output", "json");

    @TempDir
    Path workingDirectory;

    @Test
    void adopt(TestDatabase textDatabase, TestDatabase jsonDatabase) throws Exception {
        write("V1__create_customers.sql", "create table customers (id bigint primary key, name text not null);\n");
        write("V2__create_orders.sql", "create table orders (id bigint primary key,\n"
                + "  customer_id bigint not null references customers (id));\n");
        write("R__customer_view.sql", "create or replace view customer_names as select name from customers;\n");
        Transcript transcript = new Transcript(textDatabase);
        for (TestDatabase database : List.of(textDatabase, jsonDatabase)) {
            List<String> format = database == textDatabase ? List.of() : JSON;
            flywayMigrates(database);
            Map<String, String> environment = environment(database);
            String original = Files.readString(migrations().resolve("V2__create_orders.sql"));
            write("V2__create_orders.sql", original.replace(" not null", ""));
            transcript.run(environment, format, "adopt", "--from", "flyway");
            write("V2__create_orders.sql", original);
            if (database == textDatabase) {
                transcript.run(environment, List.of(), "adopt", "--from", "flyway", "--dry-run");
                transcript.run(environment, JSON, "adopt", "--from", "flyway", "--dry-run");
            }
            transcript.run(environment, format, "adopt", "--from", "flyway");
            transcript.run(environment, format, "adopt", "--from", "flyway");
        }
        transcript.assertMatches("adopt.txt");
    }

    @Test
    void diffCleanThenDrifted(TestDatabase database) throws Exception {
        write("V1__create_jobs.sql", "create table jobs (id bigint primary key, state text not null);\n");
        write("V2__index_jobs.sql", "create index jobs_state_idx on jobs (state);\n");
        Map<String, String> environment = environment(database);
        Transcript transcript = new Transcript(database);
        transcript.run(environment, List.of(), "migrate");
        write("V3__add_priority.sql", "alter table jobs add column priority int;\n");
        String scratch = database.postgresUrl();
        transcript.run(environment, List.of(), "diff", "--scratch-url", scratch);
        transcript.run(environment, JSON, "diff", "--scratch-url", scratch);
        Queries.execute(database, "drop index jobs_state_idx; create index jobs_state_idx on jobs (state, id);"
                + " alter table jobs add column note text; create table scratch_notes (note text);"
                + " create table hand_made (id int primary key, label text)");
        for (List<String> format : List.of(List.<String>of(), JSON)) {
            transcript.run(environment, format, "diff", "--scratch-url", scratch, "--exclude",
                    "table:public.scratch_notes");
        }
        transcript.assertMatches("diff.txt");
    }

    @Test
    void lint(TestDatabase database) throws Exception {
        write("V1__create_jobs.sql", "create table jobs (id bigint primary key, state text, note text);\n"
                + "insert into jobs select g, 'queued', null from generate_series(1, 100) g;\n");
        Map<String, String> environment = environment(database);
        Transcript transcript = new Transcript(database);
        transcript.run(environment, List.of(), "migrate");
        write("V2__tags_and_state_index.sql", "-- strata:lock_timeout=5s\n"
                + "create table job_tags (job_id bigint, tag text);\n"
                + "create index jobs_state_idx on jobs (state);\n"
                + "-- strata:allow=drop-column the note column is unused since release 3\n"
                + "alter table jobs drop column note;\n");
        write("V3__concurrent_index.sql", "-- strata:transaction=false\n"
                + "create index concurrently job_tags_tag_idx on job_tags (tag);\n");
        String scratch = database.postgresUrl();
        for (List<String> format : List.of(List.<String>of(), JSON)) {
            transcript.run(environment, format, "lint", "--scratch-url", scratch);
            transcript.run(environment, format, "lint", "--scratch-url", scratch, "--fail-on", "warning");
        }
        transcript.assertMatches("lint.txt");
    }

    @Test
    void errors(TestDatabase textDatabase, TestDatabase jsonDatabase) throws Exception {
        Transcript transcript = new Transcript(textDatabase);
        Map<String, String> badUrl = Map.of("STRATA_DATABASE__URL", "mysql://localhost/shop",
                "STRATA_MIGRATIONS__LOCATIONS", "filesystem:migrations");
        for (List<String> format : List.of(List.<String>of(), JSON)) {
            transcript.run(badUrl, format, "status");
            transcript.run(badUrl, format, "status", "--no-such-option");
        }
        write("V1__create_jobs.sql", "create table jobs (id bigint primary key, name text not null);\n");
        for (TestDatabase database : List.of(textDatabase, jsonDatabase)) {
            List<String> format = database == textDatabase ? List.of() : JSON;
            Map<String, String> environment = environment(database);
            transcript.run(environment, List.of(), "migrate");
            write("V1__create_jobs.sql", "create table jobs (id bigint primary key, name text);\n");
            transcript.run(environment, format, "validate");
            write("V1__create_jobs.sql", "create table jobs (id bigint primary key, name text not null);\n");
            transcript.run(environment, format, "undo");
            write("V2__seed_jobs.sql", "insert into jobs (id, name) values (1, 'first');\n"
                    + "insert into jobs (id) values (2);\n");
            transcript.run(environment, format, "migrate");
            Files.delete(migrations().resolve("V2__seed_jobs.sql"));
        }
        transcript.assertMatches("errors.txt");
    }

    @Test
    void targets(TestDatabase textDatabase, TestDatabase jsonDatabase) throws Exception {
        write("V1__create_accounts.sql", "create table accounts (id int primary key);\n");
        write("V2__create_audit.sql", "create table audit (id int primary key);\n");
        Files.writeString(workingDirectory.resolve("strata.toml"), "[fleet]\nschemas = \"tenant_*\"\n");
        Transcript transcript = new Transcript(textDatabase);
        for (TestDatabase database : List.of(textDatabase, jsonDatabase)) {
            List<String> format = database == textDatabase ? List.of() : JSON;
            Queries.execute(database, "create schema tenant_a; create schema tenant_b");
            Map<String, String> environment = environment(database);
            environment.put("STRATA_MIGRATIONS__ALLOW_NON_EMPTY", "true");
            transcript.run(environment, format, "migrate", "--targets", "all", "--parallel", "1");
            // Between the two others: with --on-failure stop, tenant_b is not started.
            Queries.execute(database, "create schema tenant_aa; create table tenant_aa.audit (id int)");
            transcript.run(environment, format, "migrate", "--targets", "all", "--parallel", "1", "--on-failure",
                    "stop");
            transcript.run(environment, format, "status", "--targets", "all", "--parallel", "1");
            transcript.run(environment, format, "diff", "--targets", "tenant_a", "--parallel", "1",
                    "--scratch-url", database.postgresUrl());
        }
        transcript.assertMatches("targets.txt");
    }

    private Path migrations() throws IOException {
        return Files.createDirectories(workingDirectory.resolve("migrations"));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(migrations().resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Map<String, String> environment(TestDatabase database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("STRATA_DATABASE__URL", database.postgresUrl());
        environment.put("STRATA_MIGRATIONS__LOCATIONS", "filesystem:migrations");
        return environment;
    }

    /** Flyway migrates the folder; its user and times are then fixed, so that the adopted rows show the same. */
    private void flywayMigrates(TestDatabase database) throws IOException {
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("filesystem:" + migrations()).load().migrate();
        Queries.execute(database, "update flyway_schema_history set installed_by = 'flyway_deployer',"
                + " installed_on = timestamp '2019-03-04 05:06:07' + installed_rank * interval '1 minute',"
                + " execution_time = 7");
    }

    /** Every run of a scenario in order: the command line, the exit code, stdout and stderr. */
    private final class Transcript {
        private final StringBuilder text = new StringBuilder();
        private final String server;

        /** {@code database}: any database of the test server, which names its address. */
        Transcript(TestDatabase database) {
            String url = database.jdbcUrl().substring("jdbc:postgresql://".length());
            this.server = url.substring(0, url.indexOf('/'));
        }

        void run(Map<String, String> environment, List<String> format, String... args) {
            List<String> command = new java.util.ArrayList<>(List.of(args));
            command.addAll(format);
            StrataCli.Result result = StrataCli.run(workingDirectory, environment, command.toArray(String[]::new));
            text.append("$ strata ").append(String.join(" ", command)).append('\n')
                    .append("exit ").append(result.exitCode()).append('\n')
                    .append("--- stdout\n").append(result.stdout())
                    .append("--- stderr\n").append(result.stderr())
                    .append("---\n\n");
        }

        void assertMatches(String name) throws IOException {
            String actual = Normaliser.normalise(text.toString(), workingDirectory, server);
            Path golden = GOLDEN.resolve(name);
            if (Boolean.getBoolean("strata.golden.update")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            Path written = Files.createDirectories(Path.of("target/golden-actual")).resolve(name);
            Files.writeString(written, actual, StandardCharsets.UTF_8);
            assertThat(golden).as("golden transcript " + golden + " (write it with -Dstrata.golden.update=true)")
                    .exists();
            assertThat(actual).as("output of the scenario, against " + golden + " (this run's: " + written + ")")
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    /** Replaces what differs between runs and machines with a fixed placeholder. */
    static final class Normaliser {
        private static final List<Map.Entry<Pattern, String>> RULES = List.of(
                rule("postgresql://[^@\\s/\"]+@<server>/", "postgresql://<user>@<server>/"),
                rule("\\bit_[0-9a-f]{16}\\b", "<database>"),
                rule("\\bstrata_scratch_[0-9a-f]{16}\\b", "strata_scratch_<id>"),
                rule("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)", "<timestamp>"),
                rule("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d( UTC)?", "<time>"),
                rule("\"(elapsedMs|executionMs)\": \\d+", "\"$1\": 0"),
                rule("\\b\\d+ ms\\b", "N ms"),
                rule("\\b\\d+\\.\\d\\d s\\b", "N.NN s"),
                rule("\\d+(\\.\\d)? (kB|MB|GB), (~[\\d,]+ rows|rows not estimated yet)", "<size>"));

        private Normaliser() {
        }

        private static Map.Entry<Pattern, String> rule(String regex, String replacement) {
            return Map.entry(Pattern.compile(regex), replacement);
        }

        /** {@code server} is the test server's {@code host:port}, as the URLs name it. */
        static String normalise(String text, Path workingDirectory, String server) {
            String result = text.replace(workingDirectory.toAbsolutePath().toString(), "<work>")
                    .replace(server, "<server>");
            for (Map.Entry<Pattern, String> rule : RULES) {
                result = rule.getKey().matcher(result).replaceAll(rule.getValue());
            }
            return result;
        }
    }
}

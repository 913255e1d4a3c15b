package dev.strata.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.migrations.core.AppliedFile;
import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.ScriptDirectives;
import dev.strata.migrations.core.SqlStatement;
import dev.strata.migrations.core.StatementTimeouts;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.execute.progress.ExecutionListener;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Both renderers get the same plan value; what each says of it must agree. No database needed. */
class RendererTest {
    private static final String SQL = "create index concurrently t_name on t (name)";
    private static final MigrationPlan PLAN = new MigrationPlan(List.of(), List.of(new PendingMigration(
            new ResolvedMigration(new MigrationId.Versioned(Version.parse("2")), "index", "V2__index.sql",
                    "db/V2__index.sql",
                    "-- strata:transaction=false\n" + SQL + ";\n", Checksum.of(SQL)),
            new ScriptDirectives(false, new StatementTimeouts(Optional.empty(), Optional.of(Duration.ofSeconds(5)))),
            List.of(new SqlStatement(SQL, 28, 2, 1)))), List.of(), Optional.of(Version.parse("1")));

    private final StringWriter text = new StringWriter();

    private String render(boolean json, String command, boolean withStatements) {
        JsonReport report = new JsonReport(command).database("db on localhost");
        Renderer renderer = Renderer.of(json, report, new PrintWriter(text, true),
                SecretMasker.from(Map.of(), new String[0]), Optional.empty());
        if (withStatements) {
            renderer.planRead("db on localhost", PLAN);
            renderer.planned(PLAN, Optional.empty());
        } else {
            renderer.status("db on localhost", "filesystem:db", PLAN);
        }
        return text.toString();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void planTextSaysWhatTheJsonSaysOfANonTransactionalFile() throws Exception {
        assertThat(render(false, "plan", true))
                .startsWith("Plan for db on localhost (current version: 1)\n")
                .contains("V2__index.sql (version 2, 1 statement, without a transaction, lock_timeout=5s)\n"
                        + "  1. line 2: " + SQL + "\n")
                .endsWith("1 pending migration would bring the schema to version 2. Nothing was changed.\n");

        JsonNode json = new ObjectMapper().readTree(new RendererTest().render(true, "plan", true));
        JsonNode pending = json.get("pending").get(0);
        assertThat(pending.get("transactional").booleanValue()).isFalse();
        assertThat(pending.get("directives").get("transaction").booleanValue()).isFalse();
        assertThat(pending.get("directives").get("lockTimeout").textValue()).isEqualTo("5s");
        assertThat(pending.get("directives").get("statementTimeout").isNull()).isTrue();
        assertThat(pending.get("statements").get(0).get("line").intValue()).isEqualTo(2);
    }

    @Test
    void aFileThatDidNotFinishEndsItsLineWithStopped() {
        Renderer renderer = Renderer.of(false, new JsonReport("migrate"), new PrintWriter(text, true),
                SecretMasker.from(Map.of(), new String[0]), Optional.empty());
        ResolvedMigration file = PLAN.pending().get(0).migration();
        ExecutionListener progress = renderer.migrating("db on localhost");
        progress.starting(file);
        progress.applied(new AppliedFile(file.id(), file.description(), file.script(), 1, 7));
        progress.starting(file);
        progress.stopped(file);

        assertThat(text.toString()).isEqualTo("Migrating db on localhost\n  V2__index.sql … 7 ms\n"
                + "  V2__index.sql … stopped\n");
    }

    @Test
    void jsonKeysKeepTheDocumentedOrder() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(render(true, "plan", true));
        assertThat(keys(plan)).containsExactly("command", "ok", "database", "currentVersion", "targetVersion",
                "entries", "pending", "problems");
        assertThat(keys(plan.get("pending").get(0))).containsExactly("script", "version", "repeatable",
                "description", "transactional", "noOp", "directives", "statements");
        assertThat(keys(plan.get("pending").get(0).get("statements").get(0)))
                .containsExactly("number", "line", "column", "sql");
    }

    @Test
    void statusJsonListsPendingFilesWithoutTheirStatements() throws Exception {
        JsonNode status = new ObjectMapper().readTree(render(true, "status", false));
        assertThat(status.get("command").textValue()).isEqualTo("status");
        assertThat(keys(status.get("pending").get(0))).doesNotContain("statements");
        assertThat(status.get("targetVersion").textValue()).isEqualTo("2");
    }
}

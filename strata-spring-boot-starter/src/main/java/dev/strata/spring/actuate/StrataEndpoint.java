package dev.strata.spring.actuate;

import dev.strata.api.SchemaComparison;
import dev.strata.api.SchemaMismatchException;
import dev.strata.migrations.core.MigrationId;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.Problem;
import dev.strata.spring.StrataMigrations;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.List;

/** {@code /actuator/strata}: each migration's state, as the {@code flyway} endpoint lists Flyway's. */
@Endpoint(id = "strata")
public class StrataEndpoint {
    private final StrataMigrations migrations;

    public StrataEndpoint(StrataMigrations migrations) {
        this.migrations = migrations;
    }

    @ReadOperation
    public StrataReport report() {
        MigrationPlan plan = migrations.plan();
        List<StrataReport.Migration> entries = plan.entries().stream().map(StrataEndpoint::migration).toList();
        List<String> problems = plan.problems().stream().map(Problem::text).toList();
        StrataReport.Schema schema = migrations.compare().map(StrataEndpoint::schema).orElse(null);
        return new StrataReport(migrations.description(), migrations.settings().historyTable().toString(),
                migrations.settings().locations().stream().map(Object::toString).toList(),
                plan.current().map(Object::toString).orElse(null), plan.isUpToDate(), entries, problems, schema);
    }

    static StrataReport.Schema schema(SchemaComparison comparison) {
        return new StrataReport.Schema(comparison.descriptor(), comparison.expectedVersion(), comparison.matches(),
                comparison.matches() ? null : new SchemaMismatchException("the database", comparison).getMessage());
    }

    private static StrataReport.Migration migration(PlanEntry entry) {
        String type = entry.row().map(row -> row.type().name())
                .orElse(entry.id() instanceof MigrationId.Repeatable ? "REPEATABLE" : "VERSIONED");
        String checksum = entry.file().map(file -> file.checksum().toString())
                .or(() -> entry.row().map(row -> row.checksum())).orElse(null);
        return new StrataReport.Migration(type, entry.id().versionNumber().map(Object::toString).orElse(null),
                entry.description(), entry.script(), entry.state().name(), checksum,
                entry.installedAt().map(Object::toString).orElse(null), entry.executionMs().orElse(null));
    }
}

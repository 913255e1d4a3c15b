package dev.strata.spring.actuate;

import dev.strata.api.SchemaComparison;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.Problem;
import dev.strata.spring.StrataMigrations;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.Optional;

/**
 * DOWN when the database does not match the code: against the generated descriptor when the application has one
 * (behind, ahead, drifted or a failed migration), else against the migration files on the class path (pending
 * migrations or validation problems). The details say which.
 */
public class StrataHealthIndicator extends AbstractHealthIndicator {
    private final StrataMigrations migrations;

    public StrataHealthIndicator(StrataMigrations migrations) {
        super("Strata could not read the history table");
        this.migrations = migrations;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("database", migrations.description())
                .withDetail("historyTable", migrations.settings().historyTable().toString());
        Optional<SchemaComparison> comparison = migrations.compare();
        if (comparison.isPresent()) {
            StrataReport.Schema schema = StrataEndpoint.schema(comparison.get());
            builder.withDetail("descriptor", schema.descriptor()).withDetail("expectedVersion", schema.expectedVersion());
            if (schema.matches()) {
                builder.up();
            } else {
                builder.down().withDetail("mismatch", schema.mismatch());
            }
            return;
        }
        MigrationPlan plan = migrations.plan();
        plan.current().ifPresent(version -> builder.withDetail("currentVersion", version.toString()));
        if (plan.isUpToDate()) {
            builder.up();
        } else {
            builder.down().withDetail("pending", plan.pending().size())
                    .withDetail("problems", plan.problems().stream().map(Problem::text).toList());
        }
    }
}

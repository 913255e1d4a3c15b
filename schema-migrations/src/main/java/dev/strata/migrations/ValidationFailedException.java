package dev.strata.migrations;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.StrataException;

import java.util.List;

/** The plan has problems (edited, missing, future, out-of-order, failed or bad files); nothing was applied. */
public final class ValidationFailedException extends StrataException {
    private final MigrationPlan plan;

    public ValidationFailedException(MigrationPlan plan) {
        super(describe(plan.problems()), "nothing was applied; fix the problems above and run the command again");
        this.plan = plan;
    }

    public MigrationPlan plan() {
        return plan;
    }

    public List<Problem> problems() {
        return plan.problems();
    }

    private static String describe(List<Problem> problems) {
        StringBuilder text = new StringBuilder("validation failed with ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem problem : problems) {
            text.append("\n  - ").append(problem.text().replace("\n", "\n    "));
            if (!problem.hint().isEmpty()) {
                text.append("\n    fix: ").append(problem.hint());
            }
        }
        return text.toString();
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}

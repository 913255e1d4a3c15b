package dev.strata.migrations.plan;

import dev.strata.migrations.core.PendingMigration;
import dev.strata.migrations.core.Problem;

import java.util.List;
import java.util.Optional;

/**
 * What reading one file for its directives and statements gave ({@link FilePreparer}): the file ready to run, or the
 * one reason it cannot run. Both planners and {@link UndoPlanner} take it as it is; the plan keeps the file or the
 * problem.
 */
sealed interface Preparation {

    /** The file ready to run. */
    record Ready(PendingMigration migration) implements Preparation {
    }

    /** Why the file cannot run: a parse error, a bad directive or a statement refused in its transaction mode. */
    record Refused(Problem problem) implements Preparation {
    }

    default Optional<PendingMigration> ready() {
        return this instanceof Ready ready ? Optional.of(ready.migration()) : Optional.empty();
    }

    default List<Problem> problems() {
        return this instanceof Refused refused ? List.of(refused.problem()) : List.of();
    }
}

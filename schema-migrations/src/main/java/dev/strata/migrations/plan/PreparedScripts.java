package dev.strata.migrations.plan;

import dev.strata.migrations.core.Parallel;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.resolve.ResolvedMigration;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending files read for their directives and split into statements ({@link Planner#prepare}), kept for one run:
 * {@code migrate} plans before it takes the lock and again under it, and splits each file once. Splitting is the
 * costliest step of planning a new database (every file is pending), and files are independent, so many are
 * prepared in parallel. Used by one planning thread at a time.
 */
public final class PreparedScripts {
    private final Map<ResolvedMigration, Preparation> prepared = new IdentityHashMap<>();
    private final NonTransactionalFiles mode;

    /** Files that run in a transaction unless they say {@code -- strata:transaction=false}. */
    public PreparedScripts() {
        this(NonTransactionalFiles.DIRECTIVE);
    }

    public PreparedScripts(NonTransactionalFiles mode) {
        this.mode = mode;
    }

    /** A file's statements, or the problems that keep it from running. */
    private record Preparation(Optional<PendingMigration> pending, List<Problem> problems) {
        static Preparation of(ResolvedMigration file, NonTransactionalFiles mode) {
            List<Problem> problems = new ArrayList<>(0);
            return new Preparation(Planner.prepare(file, mode, problems), List.copyOf(problems));
        }
    }

    /** Prepares the files not prepared yet, in parallel when there are many. */
    void prepareAll(List<ResolvedMigration> files) {
        List<ResolvedMigration> missing = files.stream().filter(file -> !prepared.containsKey(file)).toList();
        List<Preparation> preparations = Parallel.map(missing, file -> Preparation.of(file, mode));
        for (int i = 0; i < missing.size(); i++) {
            prepared.put(missing.get(i), preparations.get(i));
        }
    }

    NonTransactionalFiles mode() {
        return mode;
    }

    /** The file ready to run, or empty with the reasons added to {@code problems}. */
    Optional<PendingMigration> prepare(ResolvedMigration file, List<Problem> problems) {
        Preparation preparation = prepared.computeIfAbsent(file, key -> Preparation.of(key, mode));
        problems.addAll(preparation.problems());
        return preparation.pending();
    }
}

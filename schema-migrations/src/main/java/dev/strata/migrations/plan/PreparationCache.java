package dev.strata.migrations.plan;

import dev.strata.migrations.core.NonTransactionalFiles;
import dev.strata.migrations.core.Parallel;
import dev.strata.migrations.core.ResolvedMigration;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files read for their directives and split into statements ({@link FilePreparer}), kept for one run:
 * {@code migrate} plans before it takes the lock and again under it, and splits each file once. Splitting is the
 * costliest step of planning a new database (every file is pending), and files are independent, so many are
 * prepared in parallel. Used by one planning thread at a time.
 */
public final class PreparationCache {
    private final Map<ResolvedMigration, Preparation> prepared = new IdentityHashMap<>();
    private final NonTransactionalFiles mode;

    /** Files that run in a transaction unless they say {@code -- strata:transaction=false}. */
    public PreparationCache() {
        this(NonTransactionalFiles.DIRECTIVE);
    }

    public PreparationCache(NonTransactionalFiles mode) {
        this.mode = mode;
    }

    /** Prepares the files not prepared yet, in parallel when there are many. */
    void prepareAll(List<ResolvedMigration> files) {
        List<ResolvedMigration> missing = files.stream().filter(file -> !prepared.containsKey(file)).toList();
        List<Preparation> preparations = Parallel.map(missing, file -> FilePreparer.prepare(file, mode));
        for (int i = 0; i < missing.size(); i++) {
            prepared.put(missing.get(i), preparations.get(i));
        }
    }

    /** The file ready to run, or the reason it cannot run; prepared now unless an earlier plan did. */
    Preparation of(ResolvedMigration file) {
        return prepared.computeIfAbsent(file, key -> FilePreparer.prepare(key, mode));
    }
}

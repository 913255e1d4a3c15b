package dev.strata.migrations.plan;

import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;
import dev.strata.migrations.core.Version;
import dev.strata.migrations.resolve.ResolvedMigrations;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The versioned files by version, for joining them with the history rows, and the versions two files claim (which of
 * them was applied is unknown until the duplicate is fixed, so no edit is claimed for them).
 */
record FilesByVersion(Map<Version, ResolvedMigration> files, Set<Version> duplicated) {
    FilesByVersion {
        files = Map.copyOf(files);
        duplicated = Set.copyOf(duplicated);
    }

    static FilesByVersion of(ResolvedMigrations resolved) {
        Map<Version, ResolvedMigration> files = new HashMap<>();
        for (ResolvedMigration file : resolved.migrations()) {
            file.id().versionNumber().ifPresent(version -> files.put(version, file));
        }
        Set<Version> duplicated = resolved.problems().stream()
                .filter(problem -> problem.kind() == ProblemKind.DUPLICATE_VERSION)
                .flatMap(problem -> problem.version().stream()).collect(Collectors.toSet());
        return new FilesByVersion(files, duplicated);
    }

    Optional<ResolvedMigration> file(Version version) {
        return Optional.ofNullable(files.get(version));
    }

    boolean isDuplicated(Version version) {
        return duplicated.contains(version);
    }
}

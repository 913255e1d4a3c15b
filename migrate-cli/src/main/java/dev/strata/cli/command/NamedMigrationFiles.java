package dev.strata.cli.command;

import dev.strata.migrations.core.MigrationPlan;
import dev.strata.migrations.core.PlanEntry;
import dev.strata.migrations.core.ResolvedMigration;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code strata lint FILE…}: the files named on the command line, as the migrations they are. A file is found by its
 * path (relative to the working directory, or absolute) among the files of {@code migrations.locations}, or by its
 * bare name ({@code V7__add_index.sql}), which also finds a file in a {@code classpath:} location.
 */
final class NamedMigrationFiles {
    private NamedMigrationFiles() {
    }

    /**
     * The file names ({@link ResolvedMigration#script()}) of the named files.
     *
     * @return empty with {@code missing} set when a named file is not one of the resolved migrations
     */
    static Lookup find(List<String> named, MigrationPlan plan, Path workingDirectory) {
        List<ResolvedMigration> files = plan.entries().stream().map(PlanEntry::file)
                .flatMap(Optional::stream).toList();
        Set<String> scripts = new LinkedHashSet<>();
        for (String argument : named) {
            Path wanted = absolute(workingDirectory, argument);
            Optional<ResolvedMigration> file = files.stream()
                    .filter(candidate -> absolute(workingDirectory, candidate.path()).equals(wanted))
                    .findFirst()
                    .or(() -> files.stream().filter(candidate -> candidate.script().equals(argument)).findFirst());
            if (file.isEmpty()) {
                return new Lookup(Set.of(), Optional.of(argument));
            }
            scripts.add(file.get().script());
        }
        return new Lookup(scripts, Optional.empty());
    }

    private static Path absolute(Path workingDirectory, String path) {
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }

    /** The named files' names, or the first argument that names none of the migrations. */
    record Lookup(Set<String> scripts, Optional<String> missing) {
    }
}

package dev.strata.migrations.plan;

import dev.strata.migrations.core.Checksum;
import dev.strata.migrations.core.HistoryRow;
import dev.strata.migrations.core.Problem;
import dev.strata.migrations.core.ProblemKind;
import dev.strata.migrations.core.ResolvedMigration;

/**
 * How the checksum a history row recorded compares with its file as it is now. Versioned files call a difference an
 * edit, repeatable ones a reason to run again; both call an unreadable checksum a problem.
 */
sealed interface ChecksumComparison {

    record Same() implements ChecksumComparison {
    }

    record Differs(Checksum recorded) implements ChecksumComparison {
    }

    /** The row's checksum cannot be read; {@code problem} says so, with the hint the caller chose. */
    record Unreadable(Problem problem) implements ChecksumComparison {
    }

    static ChecksumComparison of(HistoryRow row, ResolvedMigration file, String unreadableHint) {
        Checksum recorded;
        try {
            recorded = Checksum.parse(row.checksum());
        } catch (IllegalArgumentException e) {
            return new Unreadable(new Problem(ProblemKind.UNREADABLE_HISTORY, row.script(),
                    row.id().versionNumber(),
                    "history row " + row.installedRank() + " for " + row.script() + ": " + e.getMessage(),
                    unreadableHint));
        }
        // The file's checksum was computed when it was resolved: hash again only for a row of another algorithm.
        boolean same = recorded.algorithm() == file.checksum().algorithm() ? recorded.equals(file.checksum())
                : recorded.matches(file.content());
        return same ? new Same() : new Differs(recorded);
    }
}

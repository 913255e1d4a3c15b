package dev.strata.migrations.lint;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** {@code --fail-on}: a finding at or above the level remains (not silenced by a {@code -- strata:allow} line). */
public final class LintFindingsException extends StrataException {
    private final LintReport report;

    public LintFindingsException(LintReport report, Severity level) {
        super(count(report, level) == 1 ? "1 lint finding at or above " + level.label() + " remains"
                        : count(report, level) + " lint findings at or above " + level.label() + " remain",
                "each finding is listed with its fix; rewrite the statement the safe way, or, where it is safe"
                        + " here, add -- strata:allow=<rule> <reason> on the line before it (see docs/lint.md)");
        this.report = report;
    }

    private static long count(LintReport report, Severity level) {
        return report.open().stream().filter(finding -> finding.severity().compareTo(level) >= 0).count();
    }

    public LintReport report() {
        return report;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.VALIDATION_FAILED;
    }
}

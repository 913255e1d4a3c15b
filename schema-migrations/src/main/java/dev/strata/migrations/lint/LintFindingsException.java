package dev.strata.migrations.lint;

import dev.strata.migrations.core.ErrorKind;
import dev.strata.migrations.core.StrataException;

/** {@code --fail-on}: a finding at or above the level remains (not silenced by a {@code -- strata:allow} line). */
public final class LintFindingsException extends StrataException {
    private final LintReport report;

    private static final String ALLOW = ", or, where it is safe here, add -- strata:allow=<rule> <reason> on the line"
            + " before it (see docs/lint.md)";

    public LintFindingsException(LintReport report, Severity level) {
        this(summary(report, level), "each finding is listed with its fix; rewrite the statement the safe way" + ALLOW,
                report);
    }

    private LintFindingsException(String message, String hint, LintReport report) {
        super(message, hint);
        this.report = report;
    }

    /**
     * This refusal with each open finding at {@code level} or above in its message, one per line ({@link
     * LoggedLintGate#line}): for a library's gate, whose message is all a failed start or test shows.
     *
     * @param refused what was refused, e.g. {@code migrations.lint = "error" refused to migrate <database>}
     */
    public static LintFindingsException listing(LintReport report, Severity level, String refused) {
        StringBuilder message = new StringBuilder(refused).append(": ").append(summary(report, level)).append(':');
        report.statements().forEach(review -> review.findings().stream()
                .filter(finding -> finding.suppressed().isEmpty() && finding.severity().compareTo(level) >= 0)
                .forEach(finding -> message.append("\n  ").append(LoggedLintGate.line(review, finding))));
        return new LintFindingsException(message.toString(), "rewrite each statement the safe way (strata lint shows"
                + " the safe version of each; strata lint --all for every file)" + ALLOW, report);
    }

    private static String summary(LintReport report, Severity level) {
        return count(report, level) == 1 ? "1 lint finding at or above " + level.label() + " remains"
                : count(report, level) + " lint findings at or above " + level.label() + " remain";
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

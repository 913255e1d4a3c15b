/**
 * {@code strata lint}: what each pending statement locks, rewrites and reads, measured on a scratch database.
 *
 * <p>{@link dev.strata.migrations.lint.LintReplay} runs files as {@code migrate} runs them and reads, after every
 * statement, the session's own locks, the relations whose storage changed and the tables read in full, into
 * {@link dev.strata.migrations.lint.StatementFacts}; {@link dev.strata.migrations.lint.LintRules} are small values
 * applied to those facts by {@link dev.strata.migrations.lint.LintReviewer}, weighted by the target's
 * {@link dev.strata.migrations.lint.TargetSizes}; {@link dev.strata.migrations.lint.Linter} puts it together.
 *
 * {@link dev.strata.migrations.lint.LintGateCheck} is the {@code migrations.lint} gate, on scratch databases its
 * caller provides ({@link dev.strata.migrations.lint.ScratchDatabases}); a fleet run shares them, so that a server
 * they need ({@link dev.strata.migrations.lint.ScratchServer}) is started once per run
 * ({@link dev.strata.migrations.lint.SharedScratchServer}). {@link dev.strata.migrations.lint.LoggedLintGate} is the
 * gate as the libraries apply it (findings logged, the refusal listing them).
 *
 * <p><b>Internal</b>: the CLI's {@code lint}, {@code plan --analyze} and gate, the fleet, the schema API's
 * {@code auto_migrate}, the Spring starter's start-up migration and schema-testing's templates use it; no Java API is
 * documented yet.
 */
package dev.strata.migrations.lint;

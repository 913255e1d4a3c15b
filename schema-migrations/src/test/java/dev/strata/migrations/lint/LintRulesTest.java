package dev.strata.migrations.lint;

import dev.strata.migrations.plan.DirectiveReader.Allowance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.strata.migrations.lint.LockMode.ACCESS_EXCLUSIVE;
import static dev.strata.migrations.lint.LockMode.SHARE;
import static dev.strata.migrations.lint.LockMode.SHARE_ROW_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules on hand-made facts, without a database: what was measured decides, not the syntax alone. */
class LintRulesTest {
    private static final String T = "public.jobs";

    /** Facts of a statement at line 3 of a file whose last statement is at line 9; {@code jobs} existed before. */
    private static final class Facts {
        private final String sql;
        private final List<RelationLock> locks = new ArrayList<>();
        private final List<String> rewrites = new ArrayList<>();
        private final List<String> scans = new ArrayList<>();
        private Set<String> existing = Set.of(T, "public.workers");
        private Optional<String> lockTimeout = Optional.empty();
        private Set<String> defaults = Set.of();

        Facts(String sql) {
            this.sql = sql;
        }

        Facts locks(LockMode mode) {
            locks.add(new RelationLock(T, mode, 3));
            return this;
        }

        Facts rewrites() {
            rewrites.add(T);
            return this;
        }

        Facts scans() {
            scans.add(T);
            return this;
        }

        Facts newTable() {
            existing = Set.of("public.workers");
            return this;
        }

        Facts withDefault(String column) {
            defaults = Set.of(T + "." + column);
            return this;
        }

        Facts lockTimeout(String value) {
            lockTimeout = Optional.of(value);
            return this;
        }

        StatementFacts build() {
            return new StatementFacts("V7__jobs.sql", 3, sql, StatementFacts.normalize(sql), locks, locks, rewrites,
                    scans, defaults, existing, lockTimeout, true, 9);
        }
    }

    private static List<String> rules(Facts facts) {
        return review(facts, TargetSizes.unknown(), List.of()).stream().map(Finding::rule).toList();
    }

    private static List<Finding> review(Facts facts, TargetSizes sizes, List<Allowance> allowances) {
        LintReport report = new LintReviewer(LintRules.ALL, sizes)
                .review(List.of(new FileFacts("V7__jobs.sql", List.of(facts.build()), allowances)));
        return report.statements().get(0).findings();
    }

    @Test
    void anIndexBuiltWithoutConcurrentlyOnAnExistingTable() {
        List<Finding> findings = review(new Facts("CREATE INDEX jobs_state_idx ON jobs (state)").locks(SHARE).scans(),
                TargetSizes.unknown(), List.of());

        assertThat(findings).extracting(Finding::rule).containsExactly("create-index-not-concurrently");
        Finding finding = findings.get(0);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).isEqualTo("builds an index without CONCURRENTLY: jobs is locked SHARE (blocks"
                + " writes) from line 3 to the end of the file (line 9); every row is read; size unknown");
        assertThat(finding.fix()).contains("CREATE INDEX CONCURRENTLY jobs_state_idx ON jobs (state);")
                .contains("strata:transaction=false");
    }

    @Test
    void aFixKeepsTheStatementAsWrittenWithTheClauseInItsCase() {
        assertThat(LintRules.withWord("drop index jobs_state_idx", "index", "concurrently"))
                .isEqualTo("drop index concurrently jobs_state_idx");
        List<Finding> findings = review(new Facts("ALTER TABLE jobs ADD CONSTRAINT jobs_state_check\n"
                + "    CHECK (state IN ('Queued', 'Done'))").locks(ACCESS_EXCLUSIVE).scans().lockTimeout("5s"),
                TargetSizes.unknown(), List.of());
        assertThat(findings.get(0).fix()).startsWith("ALTER TABLE jobs ADD CONSTRAINT jobs_state_check\n"
                + "    CHECK (state IN ('Queued', 'Done')) NOT VALID;");
    }

    @Test
    void noFindingForATableCreatedInTheSameRunOrAConcurrentIndex() {
        assertThat(rules(new Facts("create index jobs_state_idx on jobs (state)").locks(SHARE).newTable())).isEmpty();
        assertThat(rules(new Facts("create index concurrently jobs_state_idx on jobs (state)"))).isEmpty();
        assertThat(rules(new Facts("alter table jobs add column n float8 default random()").locks(ACCESS_EXCLUSIVE)
                .rewrites().newTable())).isEmpty();
    }

    @Test
    void aTypeChangeIsReportedOnlyWhenItRewrote() {
        assertThat(rules(new Facts("alter table jobs alter column name type varchar(200)").locks(ACCESS_EXCLUSIVE)
                .lockTimeout("5s"))).isEmpty();
        assertThat(rules(new Facts("alter table jobs alter column attempts type bigint").locks(ACCESS_EXCLUSIVE)
                .rewrites().scans().lockTimeout("5s"))).containsExactly("column-type-rewrite");
    }

    @Test
    void aVolatileDefaultThatRewroteIsNotAlsoAGenericRewrite() {
        assertThat(rules(new Facts("alter table jobs add column token uuid default gen_random_uuid()")
                .locks(ACCESS_EXCLUSIVE).rewrites().scans().lockTimeout("5s")))
                .containsExactly("volatile-default-rewrite");
        assertThat(rules(new Facts("alter table jobs add column created timestamptz default now()")
                .locks(ACCESS_EXCLUSIVE).lockTimeout("5s"))).isEmpty();
        assertThat(rules(new Facts("alter table jobs set unlogged").locks(ACCESS_EXCLUSIVE).rewrites()
                .lockTimeout("5s"))).containsExactly("table-rewrite");
    }

    @Test
    void setNotNullScansUnlessAValidatedCheckProvesIt() {
        assertThat(rules(new Facts("alter table jobs alter column owner set not null").locks(ACCESS_EXCLUSIVE).scans()
                .lockTimeout("5s"))).containsExactly("set-not-null-scan", "not-null-added");
        assertThat(rules(new Facts("alter table jobs alter column owner set not null").locks(ACCESS_EXCLUSIVE)
                .lockTimeout("5s"))).containsExactly("not-null-added");
        assertThat(rules(new Facts("alter table jobs alter column owner set not null").locks(ACCESS_EXCLUSIVE)
                .withDefault("owner").lockTimeout("5s"))).as("old code's inserts get the default").isEmpty();
    }

    @Test
    void constraintsThatScanShouldBeAddedNotValid() {
        List<Finding> findings = review(new Facts("alter table jobs add constraint jobs_worker_fk foreign key"
                + " (worker_id) references workers (id)").locks(SHARE_ROW_EXCLUSIVE).scans(), TargetSizes.unknown(),
                List.of());
        assertThat(findings).extracting(Finding::rule).containsExactly("constraint-not-valid");
        assertThat(findings.get(0).fix()).contains("references workers (id) not valid;")
                .contains("alter table jobs validate constraint jobs_worker_fk;");
        assertThat(rules(new Facts("alter table jobs add constraint jobs_worker_fk foreign key (worker_id)"
                + " references workers (id) not valid").locks(SHARE_ROW_EXCLUSIVE))).isEmpty();
    }

    @Test
    void aUniqueConstraintShouldAttachAnIndexBuiltConcurrently() {
        assertThat(rules(new Facts("alter table jobs add constraint jobs_key_unique unique (key)")
                .locks(ACCESS_EXCLUSIVE).scans().lockTimeout("5s"))).containsExactly("unique-constraint-without-index");
        assertThat(rules(new Facts("alter table jobs add constraint jobs_key_unique unique using index jobs_key_idx")
                .locks(ACCESS_EXCLUSIVE).lockTimeout("5s"))).isEmpty();
    }

    @Test
    void accessExclusiveWithoutALockTimeout() {
        assertThat(rules(new Facts("alter table jobs alter column note set default 'n/a'").locks(ACCESS_EXCLUSIVE)))
                .containsExactly("lock-timeout-missing");
        assertThat(rules(new Facts("drop index jobs_state_idx").locks(ACCESS_EXCLUSIVE).lockTimeout("5s")))
                .containsExactly("drop-index-not-concurrently");
    }

    @Test
    void dropsAndRenamesBreakTheRunningRelease() {
        assertThat(rules(new Facts("alter table jobs drop column note").locks(ACCESS_EXCLUSIVE).lockTimeout("1s")))
                .containsExactly("drop-column");
        assertThat(rules(new Facts("alter table jobs drop constraint jobs_note_check").locks(ACCESS_EXCLUSIVE)
                .lockTimeout("1s"))).isEmpty();
        assertThat(rules(new Facts("alter table jobs rename column note to remark").locks(ACCESS_EXCLUSIVE)
                .lockTimeout("1s"))).containsExactly("rename-column");
        assertThat(rules(new Facts("drop table jobs").locks(ACCESS_EXCLUSIVE).lockTimeout("1s")))
                .containsExactly("drop-table");
    }

    @Test
    void theTargetsSizeRaisesOrLowersLockAndRewriteFindingsButNotBreakingOnes() {
        Facts index = new Facts("create index jobs_state_idx on jobs (state)").locks(SHARE).scans();
        Facts drop = new Facts("alter table jobs drop column note").locks(ACCESS_EXCLUSIVE).lockTimeout("1s");
        TargetSizes small = name -> Optional.of(new RelationSize(64 * 1024, Optional.of(120L)));
        TargetSizes large = name -> Optional.of(new RelationSize(5L * 1024 * 1024 * 1024, Optional.of(40_000_000L)));

        assertThat(review(index, small, List.of()).get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(review(index, small, List.of()).get(0).message()).endsWith("jobs in the target: 64 kB, ~120 rows");
        assertThat(review(new Facts("drop index jobs_state_idx").locks(ACCESS_EXCLUSIVE).lockTimeout("1s"), large,
                List.of()).get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(review(drop, small, List.of()).get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void anAllowLineSilencesItsRuleWithItsReason() {
        Facts drop = new Facts("alter table jobs drop column note").locks(ACCESS_EXCLUSIVE).lockTimeout("1s");
        List<Finding> before = review(drop, TargetSizes.unknown(),
                List.of(new Allowance(2, 40, "drop-column", "unused since 4.2", false)));
        List<Finding> wholeFile = review(drop, TargetSizes.unknown(),
                List.of(new Allowance(1, 0, "drop-column", "unused since 4.2", true)));
        List<Finding> otherRule = review(drop, TargetSizes.unknown(),
                List.of(new Allowance(2, 40, "drop-table", "not this one", false)));

        assertThat(before.get(0).suppressed()).contains("unused since 4.2");
        assertThat(wholeFile.get(0).suppressed()).contains("unused since 4.2");
        assertThat(otherRule.get(0).suppressed()).isEmpty();
        LintReport report = new LintReviewer(LintRules.ALL, TargetSizes.unknown()).review(List.of(new FileFacts(
                "V7__jobs.sql", List.of(drop.build()), List.of(new Allowance(2, 40, "drop-column", "ok", false)))));
        assertThat(report.reaches(Severity.WARNING)).isFalse();
    }

    @Test
    void anAllowLineForAnUnknownRuleIsAnError() {
        assertThatThrownBy(() -> review(new Facts("select 1"), TargetSizes.unknown(),
                List.of(new Allowance(2, 40, "drop-colum", "typo", false))))
                .isInstanceOf(LintInputException.class)
                .hasMessageContaining("V7__jobs.sql line 2: strata:allow=drop-colum names no lint rule");
    }
}

package dev.strata.it;

import dev.strata.migrations.lint.Finding;
import dev.strata.migrations.lint.LintReport;
import dev.strata.migrations.lint.Linter;
import dev.strata.migrations.lint.StatementReview;
import dev.strata.migrations.lint.TargetSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The linter from the target's state: a table created earlier in the same run of pending files is new, so nothing is
 * reported about it; with {@code --all} each file is a release of its own, so the same table counts as existing in
 * the next file.
 */
@ExtendWith(FreshDatabase.class)
class LintRunTest {

    @Test
    void aTableCreatedEarlierInTheRunGetsNoFindingButAnAppliedOneDoes(TestDatabase target, TestDatabase scratch,
                                                                    TestDatabase scratchForAll, @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__jobs.sql", "create table jobs (id bigint primary key, state text);\n"
                        + "insert into jobs select g, 'queued' from generate_series(1, 1000) g;\n");
        MigrationFiles.migrator(target, files.settings()).migrate();
        files.write("V2__tags.sql", "create table tags (id bigint, name text);\n"
                        + "insert into tags select g, 'tag' || g from generate_series(1, 1000) g;\n")
                .write("V3__indexes.sql", "create index tags_name_idx on tags (name);\n"
                        + "alter table tags add column added float8 default random();\n"
                        + "create index jobs_state_idx on jobs (state);\n");

        LintReport pending = new Linter(target.connectionSource(), scratch.connectionSource(), files.settings(),
                getClass().getClassLoader()).run(Linter.Scope.PENDING, TargetSizes.unknown());
        LintReport all = new Linter(target.connectionSource(), scratchForAll.connectionSource(), files.settings(),
                getClass().getClassLoader()).run(Linter.Scope.ALL, TargetSizes.unknown());

        assertThat(pending.statements()).extracting(review -> review.facts().script() + ":" + review.facts().line())
                .containsExactly("V2__tags.sql:1", "V2__tags.sql:2", "V3__indexes.sql:1", "V3__indexes.sql:2",
                        "V3__indexes.sql:3");
        assertThat(findings(pending)).containsExactly("V3__indexes.sql:3 create-index-not-concurrently public.jobs");
        assertThat(findings(all)).containsExactly(
                "V3__indexes.sql:1 create-index-not-concurrently public.tags",
                "V3__indexes.sql:2 volatile-default-rewrite public.tags",
                "V3__indexes.sql:2 lock-timeout-missing public.tags",
                "V3__indexes.sql:3 create-index-not-concurrently public.jobs");
        assertThat(pending.statements().get(3).facts().rewrites()).as("measured though not reported")
                .containsExactly("public.tags");
    }

    @Test
    void aNamedFileRunsRightAfterTheAppliedOnesWithoutItself(TestDatabase target, TestDatabase scratch,
                                                            @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__jobs.sql", "create table jobs (id bigint primary key, state text);\n")
                .write("V2__state_index.sql", "create index jobs_state_idx on jobs (state);\n");
        MigrationFiles.migrator(target, files.settings()).migrate();
        files.write("V3__tags.sql", "create table tags (id bigint);\n");
        Linter linter = new Linter(target.connectionSource(), scratch.connectionSource(), files.settings(),
                getClass().getClassLoader());

        LintReport applied = linter.runFiles(Set.of("V2__state_index.sql"), TargetSizes.unknown());

        assertThat(applied.statements()).extracting(review -> review.facts().script())
                .as("V2 is applied on the target, yet replayed once, on V1's state; V3, pending, is not named")
                .containsExactly("V2__state_index.sql");
        assertThat(findings(applied)).containsExactly("V2__state_index.sql:1 create-index-not-concurrently public.jobs");
        assertThatThrownBy(() -> linter.runFiles(Set.of("V9__none.sql"), TargetSizes.unknown()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("V9__none.sql");
    }

    @Test
    void styleRulesAreOffUnlessAskedAndReadTheColumnsEachStatementAddedOrChanged(TestDatabase target,
                                                                                 TestDatabase scratch,
                                                                                 TestDatabase scratchForStyle,
                                                                                 @TempDir Path dir) {
        MigrationFiles files = new MigrationFiles(dir)
                .write("V1__jobs.sql", "create table jobs (id int primary key, created timestamp, code char(2));\n");
        MigrationFiles.migrator(target, files.settings()).migrate();
        files.write("V2__style.sql", "create table events (id serial primary key, at timestamp(3), tag character(4),"
                        + " ok_at timestamptz, ok_name text, ok_id bigint generated by default as identity);\n"
                        + "alter table jobs add column finished timestamp without time zone;\n"
                        + "create table tags (id bigint primary key, name varchar(20));\n"
                        + "alter table tags alter column name type char(20);\n");

        LintReport plain = new Linter(target.connectionSource(), scratch.connectionSource(), files.settings(),
                getClass().getClassLoader()).run(Linter.Scope.PENDING, TargetSizes.unknown());
        LintReport styled = new Linter(target.connectionSource(), scratchForStyle.connectionSource(),
                files.settings(), getClass().getClassLoader()).withStyleRules()
                .run(Linter.Scope.PENDING, TargetSizes.unknown());

        assertThat(findings(plain)).as("off unless asked").noneMatch(finding -> finding.contains("timestamp")
                || finding.contains("serial") || finding.contains("int-primary-key") || finding.contains("char"));
        assertThat(findings(styled)).as("jobs' own int key, created and code were there before: not this file's")
                .contains("V2__style.sql:1 timestamp-without-time-zone public.events",
                        "V2__style.sql:1 serial-column public.events",
                        "V2__style.sql:1 int-primary-key public.events",
                        "V2__style.sql:1 char-column public.events",
                        "V2__style.sql:2 timestamp-without-time-zone public.jobs",
                        "V2__style.sql:4 char-column public.tags")
                .noneMatch(finding -> finding.startsWith("V2__style.sql:3"))
                .noneMatch(finding -> finding.startsWith("V2__style.sql:2")
                        && (finding.contains("int-primary-key") || finding.contains("char-column")));
        Finding timestamp = styled.statements().get(0).findings().stream()
                .filter(finding -> finding.rule().equals("timestamp-without-time-zone")).findFirst().orElseThrow();
        assertThat(timestamp.message()).startsWith("column at (timestamp(3) without time zone) is timestamp without"
                + " time zone");
        assertThat(timestamp.fix()).contains("at timestamptz").doesNotContain("ok_at");
    }

    private static List<String> findings(LintReport report) {
        return report.statements().stream().flatMap((StatementReview review) -> review.findings().stream()
                .map((Finding finding) -> review.facts().script() + ":" + review.facts().line() + " " + finding.rule()
                        + " " + finding.relation())).toList();
    }
}

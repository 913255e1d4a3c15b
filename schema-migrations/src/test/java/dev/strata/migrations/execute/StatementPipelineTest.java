package dev.strata.migrations.execute;

import dev.strata.migrations.sql.SqlSplitter;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;

import static org.assertj.core.api.Assertions.assertThat;

class StatementPipelineTest {

    @Test
    void statementsThatReturnNoRowsArePipelined() {
        assertThat(StatementPipeline.applies(SqlSplitter.split("""
                create table t (id int);
                /* block */ alter table t add column n int;
                insert into t values (1, 2);
                update t set n = 3;
                grant select on t to public;
                analyze t;
                """))).isTrue();
    }

    @Test
    void theWordReturningAnywhereSendsTheFileOneByOneToBeSafe() {
        assertThat(StatementPipeline.applies(SqlSplitter.split("""
                create table t (id int);
                comment on table t is 'the word returning makes this run one statement at a time';
                """))).isFalse();
    }

    @Test
    void anythingThatMayReturnRowsRunsOneByOne() {
        assertThat(StatementPipeline.returnsNoRows("select 1")).isFalse();
        assertThat(StatementPipeline.returnsNoRows("with x as (select 1) insert into t select * from x")).isFalse();
        assertThat(StatementPipeline.returnsNoRows("insert into t values (1) returning id")).isFalse();
        assertThat(StatementPipeline.returnsNoRows("call refresh_all()")).isFalse();
        assertThat(StatementPipeline.returnsNoRows("values (1)")).isFalse();
        assertThat(StatementPipeline.returnsNoRows("CREATE INDEX ix ON t (id)")).isTrue();
    }

    @Test
    void aSingleStatementTravelsWithItsHistoryRowAndCommit() {
        assertThat(StatementPipeline.applies(SqlSplitter.split("create table t (id int);"))).isTrue();
    }

    @Test
    void aFileWithADoBlockRunsOneByOneSoThatItsNoticesGetTheirLine() {
        assertThat(StatementPipeline.applies(SqlSplitter.split("create table t (id int);\ndo $$ begin null; end $$;")))
                .isFalse();
    }

    @Test
    void theFailingEntryIsReadFromPgjdbcsBatchErrorWhenItSaysIt() {
        assertThat(StatementPipeline.failedEntry(new BatchUpdateException(
                "Batch entry 3 insert into t values (1) was aborted: ERROR: boom", new int[0]), 5)).hasValue(3);
        assertThat(StatementPipeline.failedEntry(new BatchUpdateException(
                "Batch entry 1,204 x was aborted", new int[0]), 2_000)).hasValue(1_204);
        assertThat(StatementPipeline.failedEntry(new BatchUpdateException(
                "Batch-Eintrag 3 wurde abgebrochen", new int[0]), 5)).isEmpty();
        assertThat(StatementPipeline.failedEntry(new BatchUpdateException(
                "Batch entry 9 x was aborted", new int[0]), 5)).as("past the batch").isEmpty();
    }
}

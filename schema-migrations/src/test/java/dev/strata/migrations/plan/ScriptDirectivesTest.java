package dev.strata.migrations.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptDirectivesTest {

    @Test
    void aFileWithoutDirectivesIsTransactionalWithServerTimeouts() throws Exception {
        assertThat(ScriptDirectives.parse("-- just a comment\ncreate table t (id int);\n"))
                .isEqualTo(ScriptDirectives.DEFAULTS);
    }

    @Test
    void readsEveryDirectiveOfTheLeadingCommentBlock() throws Exception {
        ScriptDirectives directives = ScriptDirectives.parse("\n-- adds an index\n-- strata:transaction=false\n"
                + "--strata:lock_timeout=5s\n-- strata:statement_timeout = 2min\ncreate index concurrently i on t (a);\n");

        assertThat(directives.transactional()).isFalse();
        assertThat(directives.timeouts().lockTimeout()).contains(Duration.ofSeconds(5));
        assertThat(directives.timeouts().statementTimeout()).contains(Duration.ofMinutes(2));
    }

    @Test
    void aDirectiveAfterTheFirstStatementIsAnErrorRatherThanIgnored() {
        assertThatThrownBy(() -> ScriptDirectives.parse("select 1;\n-- strata:transaction=false\n"))
                .isInstanceOfSatisfying(ScriptDirectives.InvalidDirectiveException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("comes after the first statement (line 1)");
    }

    @Test
    void describesTheDirectivesAsAFileWritesThem() throws Exception {
        assertThat(ScriptDirectives.DEFAULTS.describe()).isEqualTo("transaction=true");
        assertThat(ScriptDirectives.parse("-- strata:statement_timeout=90s\n-- strata:lock_timeout=1500ms\nselect 1;")
                .describe()).isEqualTo("transaction=true, statement_timeout=90s, lock_timeout=1500ms");
    }

    @Test
    void unknownAndMalformedDirectivesNameTheirLine() {
        assertThatThrownBy(() -> ScriptDirectives.parse("-- x\n-- strata:transactional=false\n"))
                .isInstanceOfSatisfying(ScriptDirectives.InvalidDirectiveException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("unknown directive strata:transactional");
        assertThatThrownBy(() -> ScriptDirectives.parse("-- strata:transaction=no\n"))
                .hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> ScriptDirectives.parse("-- strata:lock_timeout=0s\n"))
                .hasMessageContaining("not a positive duration");
        assertThatThrownBy(() -> ScriptDirectives.parse("-- strata: transaction\n"))
                .hasMessageContaining("malformed directive");
    }

    @Test
    void allowLinesMayStandAnywhereAndNeedAReason() throws Exception {
        String script = "-- strata:allow=drop-table the archive is read by nobody\ncreate table t (id int);\n"
                + "-- strata:allow=drop-column unused since release 4.2\nalter table t drop column id;\n";

        assertThat(ScriptDirectives.parse(script)).isEqualTo(ScriptDirectives.DEFAULTS);
        assertThat(ScriptDirectives.allowances(script)).containsExactly(
                new ScriptDirectives.Allowance(1, 0, "drop-table", "the archive is read by nobody", true),
                new ScriptDirectives.Allowance(3, 82, "drop-column", "unused since release 4.2", false));
        assertThatThrownBy(() -> ScriptDirectives.allowances("select 1;\n-- strata:allow=drop-column\n"))
                .isInstanceOfSatisfying(ScriptDirectives.InvalidDirectiveException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("strata:allow=drop-column gives no reason");
        assertThatThrownBy(() -> ScriptDirectives.allowances("-- strata:allow=\nselect 1;\n"))
                .hasMessageContaining("strata:allow names no rule");
    }
}

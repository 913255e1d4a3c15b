package dev.strata.migrations.plan;

import dev.strata.migrations.core.ScriptDirectives;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectiveReaderTest {

    @Test
    void aFileWithoutDirectivesIsTransactionalWithServerTimeouts() throws Exception {
        assertThat(DirectiveReader.read("-- just a comment\ncreate table t (id int);\n"))
                .isEqualTo(ScriptDirectives.DEFAULTS);
    }

    @Test
    void readsEveryDirectiveOfTheLeadingCommentBlock() throws Exception {
        ScriptDirectives directives = DirectiveReader.read("\n-- adds an index\n-- strata:transaction=false\n"
                + "--strata:lock_timeout=5s\n-- strata:statement_timeout = 2min\ncreate index concurrently i on t (a);\n");

        assertThat(directives.transactional()).isFalse();
        assertThat(directives.timeouts().lockTimeout()).contains(Duration.ofSeconds(5));
        assertThat(directives.timeouts().statementTimeout()).contains(Duration.ofMinutes(2));
    }

    @Test
    void aDirectiveAfterTheFirstStatementIsAnErrorRatherThanIgnored() {
        assertThatThrownBy(() -> DirectiveReader.read("select 1;\n-- strata:transaction=false\n"))
                .isInstanceOfSatisfying(DirectiveReader.InvalidDirectiveException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("comes after the first statement (line 1)");
    }

    @Test
    void describesTheDirectivesAsAFileWritesThem() throws Exception {
        assertThat(ScriptDirectives.DEFAULTS.describe()).isEqualTo("transaction=true");
        assertThat(DirectiveReader.read("-- strata:statement_timeout=90s\n-- strata:lock_timeout=1500ms\nselect 1;")
                .describe()).isEqualTo("transaction=true, statement_timeout=90s, lock_timeout=1500ms");
    }

    @Test
    void unknownAndMalformedDirectivesNameTheirLine() {
        assertThatThrownBy(() -> DirectiveReader.read("-- x\n-- strata:transactional=false\n"))
                .isInstanceOfSatisfying(DirectiveReader.InvalidDirectiveException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("unknown directive strata:transactional");
        assertThatThrownBy(() -> DirectiveReader.read("-- strata:transaction=no\n"))
                .hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> DirectiveReader.read("-- strata:lock_timeout=0s\n"))
                .hasMessageContaining("not a positive duration");
        assertThatThrownBy(() -> DirectiveReader.read("-- strata: transaction\n"))
                .hasMessageContaining("malformed directive");
    }

    @Test
    void allowLinesMayStandAnywhereAndNeedAReason() throws Exception {
        String script = "-- strata:allow=drop-table the archive is read by nobody\ncreate table t (id int);\n"
                + "-- strata:allow=drop-column unused since release 4.2\nalter table t drop column id;\n";

        assertThat(DirectiveReader.read(script)).isEqualTo(ScriptDirectives.DEFAULTS);
        assertThat(DirectiveReader.allowances(script)).containsExactly(
                new DirectiveReader.Allowance(1, 0, "drop-table", "the archive is read by nobody", true),
                new DirectiveReader.Allowance(3, 82, "drop-column", "unused since release 4.2", false));
        assertThatThrownBy(() -> DirectiveReader.allowances("select 1;\n-- strata:allow=drop-column\n"))
                .isInstanceOfSatisfying(DirectiveReader.InvalidDirectiveException.class,
                        e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("strata:allow=drop-column gives no reason");
        assertThatThrownBy(() -> DirectiveReader.allowances("-- strata:allow=\nselect 1;\n"))
                .hasMessageContaining("strata:allow names no rule");
    }
}

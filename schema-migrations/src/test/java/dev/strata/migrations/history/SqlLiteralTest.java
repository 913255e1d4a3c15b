package dev.strata.migrations.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlLiteralTest {

    @Test
    void nullIsTheKeyword() {
        assertThat(SqlLiteral.text(null)).isEqualTo("null");
    }

    @Test
    void textIsDollarQuotedWithoutEscaping() {
        assertThat(SqlLiteral.text("it's a \\ backslash")).isEqualTo("$s$it's a \\ backslash$s$");
    }

    @Test
    void theTagChangesWhenTheValueHoldsIt() {
        assertThat(SqlLiteral.text("a $s$ b")).isEqualTo("$s1$a $s$ b$s1$");
        assertThat(SqlLiteral.text("$s$ and $s1$")).isEqualTo("$s2$$s$ and $s1$$s2$");
    }

    @Test
    void theTagChangesWhenTheClosingTagWouldCompleteAnEndingOfTheValue() {
        // "x$s" + "$s$" would close at "$s$" one character early.
        assertThat(SqlLiteral.text("x$s")).isEqualTo("$s1$x$s$s1$");
        assertThat(SqlLiteral.text("x$")).isEqualTo("$s$x$$s$"); // "$s$" first occurs where it closes
    }
}

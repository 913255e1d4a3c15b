package dev.strata.cli.output;

import dev.strata.migrations.core.Version;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts and versions in the CLI's sentences: "1 migration", never "version none". */
class SentenceTextTest {
    @Test
    void countsArePluralisedOnlyWhenNotOne() {
        assertThat(Plural.of(0, "migration")).isEqualTo("0 migrations");
        assertThat(Plural.of(1, "migration")).isEqualTo("1 migration");
        assertThat(Plural.of(2, "migration")).isEqualTo("2 migrations");
    }

    @Test
    void anEmptyHistoryIsSaidInWordsNotAsVersionNone() {
        assertThat(SchemaVersionText.at(Optional.of(Version.parse("3")))).isEqualTo("at version 3");
        assertThat(SchemaVersionText.at(Optional.empty())).isEqualTo("with no versioned migration applied")
                .doesNotContain("none");
        assertThat(SchemaVersionText.current(Optional.empty())).isEqualTo("no versioned migration applied yet");
    }
}
